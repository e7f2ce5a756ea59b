using Aspire.Hosting.Testing;
using CQCTP.ServiceDefaults;
using Npgsql;

namespace CQCTP.ReliabilityTests.Fuzz;

/// <summary>
/// Rows in every table of every service database: what "nothing was written" is checked against. Tables written by
/// background work unrelated to the request (inbox, jobs) and idempotency records (a refusal may be remembered
/// for replay) are left out; the outbox is counted, since an event for a refused change is a half-written change.
/// </summary>
public static class RowCounts
{
    public static readonly string[] Databases =
    [
        ResourceNames.MembershipDb, ResourceNames.ConcertationDb, ResourceNames.KnowledgeDb,
        ResourceNames.FundingDb, ResourceNames.IdentityDb,
    ];

    private static readonly string[] Ignored = ["inbox", "job_", "idempotency", "__EFMigrationsHistory"];

    public static async Task<IReadOnlyDictionary<string, long>> SnapshotAsync(PlatformInstance platform)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var database in Databases)
        {
            var connectionString = await platform.App.GetConnectionStringAsync(database)
                ?? throw new InvalidOperationException($"No connection string for {database}.");
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
                connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables.Where(t => !Ignored.Any(i => t.Contains(i, StringComparison.OrdinalIgnoreCase))))
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
                counts[$"{database}.{table}"] = (long)(await count.ExecuteScalarAsync())!;
            }
        }

        return counts;
    }

    public static IEnumerable<string> Differences(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Where(a => before.GetValueOrDefault(a.Key) != a.Value)
            .Select(a => $"{a.Key}: {before.GetValueOrDefault(a.Key)} → {a.Value}");
}
