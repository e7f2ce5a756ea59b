using CQCTP.ApiConventions.Data;
using Npgsql;

namespace CQCTP.Messaging;

/// <summary>The service database as a raw Npgsql data source, for the relay, the inbox and the job runner.</summary>
internal sealed class MessagingDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public static MessagingDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(PlatformConnectionStrings.ForService(connectionString));
        // The relay's claim is a LIMIT over a semi-join: PostgreSQL judged its generic plan dearer than a fresh custom
        // one and re-planned it on every call (0.9 ms of planning for 0.2 ms of work). The generic plan is the same
        // index scan, so these few statements always use it.
        builder.Options = string.Join(' ', builder.Options, "-c plan_cache_mode=force_generic_plan").Trim();
        return new MessagingDataSource(NpgsqlDataSource.Create(builder.ConnectionString));
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
