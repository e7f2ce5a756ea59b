namespace CQCTP.ReliabilityTests.Attacks;

public static class AttackRunner
{
    /// <summary>Sends each case (a few at a time) and names every one not refused as it should be.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(HttpClient client, IEnumerable<AttackCase> cases)
    {
        var violations = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (attack, ct) =>
        {
            using var request = attack.ToRequest();
            using var response = await client.SendAsync(request, ct);
            if (!attack.Refusals.Contains((int)response.StatusCode))
            {
                violations.Add($"{attack}: answered {(int)response.StatusCode}, expected {string.Join(" or ", attack.Refusals)}");
            }
        });
        return [.. violations.Order(StringComparer.Ordinal)];
    }
}
