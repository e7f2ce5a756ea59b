using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Integrations.Events;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;
using RabbitMQ.Client;

namespace CQCTP.Integrations.Tests;

/// <summary>The replay stream on the real broker: what it keeps, in which order, and for how long.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class ReplayStreamTests(IntegrationsFixture fixture)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ThreeEvents_AreReplayedFromATimestampBeforeThem_InOrder_WithTheirMessageIds()
    {
        // Stream timestamps are in seconds: one second earlier is surely before the first event.
        var before = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        Guid[] published = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        await fixture.PublishRegisteredAsync(published, "Rejeu");

        var read = await ReplayReader.ReadAsync(fixture.Broker, IntegrationEvents.ReplayStream,
            new AmqpTimestamp(before), ids => published.All(ids.Contains), ReadTimeout);

        Assert.Equal(published, read.Where(published.Contains));
    }

    [Fact]
    public async Task Replay_FromFirst_FindsAnEventPublishedEarlier()
    {
        Guid[] published = [Guid.NewGuid()];
        await fixture.PublishRegisteredAsync(published, "Rejeu");

        var read = await ReplayReader.ReadAsync(fixture.Broker, IntegrationEvents.ReplayStream, "first",
            ids => ids.Contains(published[0]), ReadTimeout);

        Assert.Single(read, published[0]);
    }

    [Fact]
    public async Task Stream_IsBoundToEveryPublicEvent_AndNeverToAPersonalOne()
    {
        using var client = ReplayStreamDeployer.ManagementClient(fixture.Broker, fixture.Management);

        var bindings = await client.GetFromJsonAsync<JsonElement>(
            $"api/queues/%2F/{Uri.EscapeDataString(IntegrationEvents.ReplayStream)}/bindings");
        var sources = bindings.EnumerateArray().Select(b => b.GetProperty("source").GetString()).ToHashSet();

        var personal = IntegrationEvents.All.Where(IntegrationEvents.IsPersonal).ToList();
        Assert.NotEmpty(personal);
        Assert.All(personal, t => Assert.DoesNotContain(EventSubscriptions.ExchangeName(t), sources));
        Assert.All(IntegrationEvents.Public, t => Assert.Contains(EventSubscriptions.ExchangeName(t), sources));
        Assert.Contains(EventSubscriptions.ExchangeName(typeof(ConsentGiven)), personal.Select(EventSubscriptions.ExchangeName));
    }

    [Fact]
    public async Task Stream_IsAStream_WithTheConfiguredRetention_AndAChangedRetentionApplies()
    {
        try
        {
            Assert.Equal("30D", await EffectiveMaxAgeAsync("30D"));

            await ReplayStreamDeployer.SetRetentionAsync(fixture.Broker, fixture.Management,
                IntegrationEvents.ReplayStream, TimeSpan.FromDays(7), CancellationToken.None);

            Assert.Equal("7D", await EffectiveMaxAgeAsync("7D"));
        }
        finally
        {
            await ReplayStreamDeployer.SetRetentionAsync(fixture.Broker, fixture.Management,
                IntegrationEvents.ReplayStream, ReplaySettings.DefaultRetention, CancellationToken.None);
        }
    }

    [Theory]
    [InlineData(30, 0, 0, "30D")]
    [InlineData(0, 36, 0, "36h")]
    [InlineData(0, 0, 90, "90m")]
    public void MaxAge_UsesRabbitMQsUnits(int days, int hours, int minutes, string expected) =>
        Assert.Equal(expected, ReplayStreamDeployer.MaxAge(new TimeSpan(days, hours, minutes, 0)));

    /// <summary>The stream's effective <c>max-age</c>, once it is <paramref name="expected"/> or after a few seconds.</summary>
    private async Task<string?> EffectiveMaxAgeAsync(string expected)
    {
        using var client = ReplayStreamDeployer.ManagementClient(fixture.Broker, fixture.Management);
        string? maxAge = null;
        for (var attempt = 0; attempt < 50 && maxAge != expected; attempt++)
        {
            var queue = await client.GetFromJsonAsync<JsonElement>(
                $"api/queues/%2F/{Uri.EscapeDataString(IntegrationEvents.ReplayStream)}");
            Assert.Equal("stream", queue.GetProperty("type").GetString());
            maxAge = queue.TryGetProperty("effective_policy_definition", out var policy)
                && policy.ValueKind == JsonValueKind.Object && policy.TryGetProperty("max-age", out var age)
                ? age.GetString()
                : null;
            if (maxAge != expected)
            {
                await Task.Delay(100);
            }
        }

        return maxAge;
    }

}
