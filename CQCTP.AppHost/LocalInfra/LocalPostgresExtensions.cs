using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CQCTP.AppHost.LocalInfra;

public static class LocalPostgresExtensions
{
    /// <summary>
    /// PostgreSQL 15 as a local process. As root it runs as the <c>postgres</c> user through <c>setpriv</c> (which
    /// execs, so the orchestrator tracks postgres itself): postgres refuses to run as root.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder,
        string name)
    {
        Prerequisites.Require(Path.Combine(Prerequisites.PostgresBin, "postgres"), "postgresql-15");
        var options = LocalInfraOptions.From(builder);
        var dataDirectory = Path.Combine(options.DataRoot, name);
        var asRoot = Environment.IsPrivilegedProcess;
        var postgresExecutable = Path.Combine(Prerequisites.PostgresBin, "postgres");
        var server = new LocalPostgresResource(name, asRoot ? "setpriv" : postgresExecutable, builder.AppHostDirectory,
            options.GeneratedSecret(name));

        var healthCheck = $"{name}_check";
        builder.Services.AddReadinessCheck(healthCheck, async ct =>
            await PingAsync(await server.ConnectionStringExpression.GetValueAsync(ct) + ";Database=postgres", ct));

        string[] settings =
        [
            "-D", dataDirectory,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
            "-c", "max_connections=300",
            // Tests throw their data away: durability there only costs time.
            "-c", $"fsync={(options.Durable ? "on" : "off")}",
            "-c", $"synchronous_commit={(options.Durable ? "on" : "off")}",
            "-c", $"full_page_writes={(options.Durable ? "on" : "off")}",
        ];

        return builder.AddResource(server)
            .WithArgs(context =>
            {
                if (asRoot)
                {
                    foreach (var arg in AsPostgresUser(postgresExecutable))
                    {
                        context.Args.Add(arg);
                    }
                }

                foreach (var arg in settings)
                {
                    context.Args.Add(arg);
                }
            })
            // Not proxied: every query would otherwise cross DCP's TCP proxy, an extra hop and DCP's CPU per round trip.
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted(async (resource, _, ct) =>
                await InitializeDataDirectoryAsync(dataDirectory, resource.Password, asRoot, ct))
            .OnResourceReady(async (resource, e, ct) =>
            {
                await CreateDatabasesAsync(resource, ct);
                // Aspire propagates a parent's state only to children of containers: an executable's databases would
                // stay "Unknown" and WaitFor(database) would hang, so we publish their state ourselves.
                var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
                foreach (var database in resource.Databases)
                {
                    await notifications.PublishUpdateAsync(database, s => s with
                    {
                        State = KnownResourceStates.Running,
                        StartTimeStamp = DateTime.UtcNow,
                    });
                }
            })
            .OnResourceStopped(async (resource, e, _) =>
            {
                var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
                foreach (var database in resource.Databases)
                {
                    await notifications.PublishUpdateAsync(database, s => s with
                    {
                        State = KnownResourceStates.Exited,
                        StopTimeStamp = DateTime.UtcNow,
                    });
                }
            });
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresResource> server, string name)
    {
        // Resource names are kebab-case; database names are identifiers: membership-db → membership.
        var databaseName = name.EndsWith("-db", StringComparison.Ordinal) ? name[..^3] : name;
        var database = new LocalPostgresDatabaseResource(name, databaseName, server.Resource);
        server.Resource.Databases.Add(database);

        var healthCheck = $"{name}_check";
        server.ApplicationBuilder.Services.AddReadinessCheck(healthCheck, async ct =>
            await PingAsync(await database.ConnectionStringExpression.GetValueAsync(ct), ct));

        return server.ApplicationBuilder.AddResource(database)
            .WithHealthCheck(healthCheck)
            .OnInitializeResource((resource, e, _) =>
                e.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.NotStarted }));
    }

    private static string[] AsPostgresUser(string executable) =>
        ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", executable];

    private static async Task InitializeDataDirectoryAsync(string dataDirectory, string password, bool asRoot,
        CancellationToken ct)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(dataDirectory);
        var passwordFile = dataDirectory + ".initdb-password";
        await File.WriteAllTextAsync(passwordFile, password, ct);
        try
        {
            if (asRoot)
            {
                await ProcessRunner.RunAsync("chown", ["postgres:postgres", dataDirectory, passwordFile], ct);
            }

            string[] initdb =
            [
                Path.Combine(Prerequisites.PostgresBin, "initdb"), "-D", dataDirectory, "-U", "postgres",
                "--pwfile", passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--no-sync",
                // ICU French collation by default, so "École" sorts before "Zoé" (C.UTF-8 would not).
                "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=fr-CA",
            ];
            if (asRoot)
            {
                await ProcessRunner.RunAsync("setpriv", [.. AsPostgresUser(initdb[0])[..^1], .. initdb], ct);
            }
            else
            {
                await ProcessRunner.RunAsync(initdb[0], initdb[1..], ct);
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task CreateDatabasesAsync(LocalPostgresResource server, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(
            await server.ConnectionStringExpression.GetValueAsync(ct) + ";Database=postgres");
        foreach (var database in server.Databases)
        {
            await using var exists = dataSource.CreateCommand("select 1 from pg_database where datname = $1");
            exists.Parameters.Add(new NpgsqlParameter { Value = database.DatabaseName });
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                // Identifiers cannot be parameters; the name comes from our own ResourceNames constants.
                await using var create = dataSource.CreateCommand($"create database \"{database.DatabaseName}\"");
                await create.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static async Task<HealthCheckResult> PingAsync(string? connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
