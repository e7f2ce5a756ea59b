using CQCTP.ApiConventions.Data;
using Npgsql;

namespace CQCTP.ApiConventions.Tests;

public sealed class PlatformConnectionStringsTests
{
    [Fact]
    public void ForService_TurnsAutoPrepareOn_AndKeepsTheRest()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            PlatformConnectionStrings.ForService("Host=localhost;Port=5433;Username=app;Password=p@ss;Database=membership"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(5433, tuned.Port);
        Assert.Equal("p@ss", tuned.Password);
        Assert.Equal("membership", tuned.Database);
    }

    [Fact]
    public void ForService_KeepsAnAutoPrepareTheConnectionStringSets() =>
        Assert.Equal(10, new NpgsqlConnectionStringBuilder(
            PlatformConnectionStrings.ForService("Host=localhost;Max Auto Prepare=10")).MaxAutoPrepare);

    [Fact]
    public void ForService_GivesUpFastOnAServerThatDoesNotAnswer()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PlatformConnectionStrings.ForService("Host=localhost"));

        Assert.Equal(500, tuned.CancellationTimeout);
        Assert.Equal(3, tuned.Timeout);
    }

    [Fact]
    public void ForService_KeepsTimeoutsTheConnectionStringSets()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            PlatformConnectionStrings.ForService("Host=localhost;Timeout=30;Cancellation Timeout=100"));

        Assert.Equal(100, tuned.CancellationTimeout);
        Assert.Equal(30, tuned.Timeout);
    }
}
