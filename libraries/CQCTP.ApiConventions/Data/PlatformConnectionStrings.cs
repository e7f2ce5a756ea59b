using Npgsql;

namespace CQCTP.ApiConventions.Data;

public static class PlatformConnectionStrings
{
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

        return builder.ConnectionString;
    }
}
