using Npgsql;

namespace CQCTP.Messaging;

/// <summary>The service database as a raw Npgsql data source, for the relay, the inbox and the job runner.</summary>
internal sealed class MessagingDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
