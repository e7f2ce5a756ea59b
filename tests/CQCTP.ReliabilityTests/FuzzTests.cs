using CQCTP.ApiConventions.Problems;
using CQCTP.ReliabilityTests.Fuzz;
using Xunit.Abstractions;

namespace CQCTP.ReliabilityTests;

/// <summary>
/// B1: every write operation of every OpenAPI document the gateway serves gets generated bad requests. Each must be
/// refused with a 4xx ProblemDetails carrying a catalogue code and no internals, and leave every database as it was.
/// New endpoints are covered the day they are documented; one that takes a body without a schema fails the suite.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class FuzzTests(AbusePlatform fixture, ITestOutputHelper output)
{
    public static IReadOnlySet<string> KnownCodes { get; } = ProblemCatalog.All.Select(k => k.Code).ToHashSet();

    [Fact]
    public async Task EveryWriteOperation_RefusesGeneratedBadInput_AndWritesNothing()
    {
        await SettledAsync(fixture.Platform);
        var runner = new FuzzRunner(fixture.Staff, new ResponseCheck(KnownCodes), () => RowCounts.SnapshotAsync(fixture.Platform));

        var report = await runner.RunAsync(fixture.Documents);

        foreach (var (operation, cases) in report.CasesPerOperation)
        {
            output.WriteLine($"{cases,4} cases  {operation}");
        }

        output.WriteLine($"B1 fuzz: {report.Cases} cases over {report.CasesPerOperation.Count} write operations");
        Assert.Contains(report.CasesPerOperation.Keys, k => k.StartsWith("membership: POST", StringComparison.Ordinal));
        Assert.True(report.Violations.Count == 0, string.Join(Environment.NewLine, report.Violations));
    }

    /// <summary>Waits until background writes (seeded fixtures' events reaching their consumers) are over.</summary>
    private static async Task SettledAsync(PlatformInstance platform)
    {
        var previous = await RowCounts.SnapshotAsync(platform);
        await Requests.EventuallyAsync(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var current = await RowCounts.SnapshotAsync(platform);
            var settled = !RowCounts.Differences(previous, current).Any();
            previous = current;
            return settled;
        }, TimeSpan.FromSeconds(60), "the databases settled");
    }
}
