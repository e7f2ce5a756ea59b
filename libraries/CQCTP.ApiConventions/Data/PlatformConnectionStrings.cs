using Npgsql;

namespace CQCTP.ApiConventions.Data;

public static class PlatformConnectionStrings
{
    private const int DefaultCancellationTimeoutMs = 2000;
    private const int CancellationTimeoutMs = 500;
    private const int DefaultConnectTimeoutSeconds = 15;
    private const int ConnectTimeoutSeconds = 3;

    /// <summary>
    /// The client settings every service uses on its database, unless the connection string already sets them.
    /// Auto-prepare: a statement run five times on a connection is prepared there, so PostgreSQL stops parsing,
    /// analysing and planning it on every call (a third of PostgreSQL's CPU per event in the messaging benchmark).
    /// </summary>
    public static string ForService(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Zero is Npgsql's default (off). ContainsKey would not tell: it answers whether the keyword exists at all.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        // A cancelled command (the request timed out) waits this long for the server to acknowledge the cancel
        // before dropping the connection: a frozen server never would, and the default 2 s would push the answer
        // past the 5 s promised. Opening a connection gives up as fast, for the same reason.
        if (builder.CancellationTimeout == DefaultCancellationTimeoutMs)
        {
            builder.CancellationTimeout = CancellationTimeoutMs;
        }

        if (builder.Timeout == DefaultConnectTimeoutSeconds)
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        return builder.ConnectionString;
    }
}
