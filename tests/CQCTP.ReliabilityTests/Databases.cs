using Aspire.Hosting.Testing;
using Npgsql;

namespace CQCTP.ReliabilityTests;

/// <summary>Reads a service's database directly: what was really written, whatever the API answered.</summary>
internal static class Databases
{
    public static async Task<long> CountAsync(PlatformInstance platform, string database, string sql,
        params object[] parameters)
    {
        var connectionString = await platform.App.GetConnectionStringAsync(database)
            ?? throw new InvalidOperationException($"No connection string for {database}.");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
