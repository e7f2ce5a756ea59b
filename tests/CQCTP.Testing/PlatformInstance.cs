using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CQCTP.Security;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CQCTP.Testing;

/// <summary>
/// The whole AppHost (PostgreSQL, RabbitMQ, services, gateway) on a fresh data root, free ports (the broker's
/// included) and a private epmd, so parallel runs on one machine never collide. Tests talk to it through the gateway,
/// as a partner front end would.
/// </summary>
public sealed class PlatformInstance : IAsyncDisposable
{
    /// <summary>Generous: on the shared 2-core machine, other engineers' builds can starve a start for minutes.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private readonly bool ownsDataRoot;
    private readonly CancellationTokenSource stopRecording = new();

    private PlatformInstance(DistributedApplication app, string dataRoot, int epmdPort, bool ownsDataRoot)
    {
        App = app;
        DataRoot = dataRoot;
        EpmdPort = epmdPort;
        this.ownsDataRoot = ownsDataRoot;
    }

    public DistributedApplication App { get; }
    public string DataRoot { get; }
    public int EpmdPort { get; }
    public TimeSpan StartedIn { get; private set; }

    /// <summary>When each resource started, ran and turned healthy during the start (recording stops at dispose).</summary>
    public StartupTimeline Timeline { get; } = new();

    /// <summary>What the gateway and each service wrote to its console since the start.</summary>
    public ResourceConsoles Consoles { get; } = new();

    /// <summary>A data root every parent of which the <c>postgres</c> user can enter (not a 0700 temp folder).</summary>
    public static string NewDataRoot()
    {
        var root = Path.Combine("/tmp", "cqctp-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (OperatingSystem.IsWindows())
        {
            return root;
        }

        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(Path.GetDirectoryName(root)!, mode | UnixFileMode.StickyBit | UnixFileMode.OtherWrite | UnixFileMode.GroupWrite);
        File.SetUnixFileMode(root, mode);
        return root;
    }

    /// <summary>
    /// Starts the whole AppHost; <paramref name="seedDemoData"/> seeds demo data as Development would.
    /// <paramref name="infrastructureOnly"/> starts only PostgreSQL and RabbitMQ (no services, no gateway), for a
    /// benchmark that separates the messaging path's own cost from the platform's background load.
    /// <paramref name="settings"/> are more AppHost settings (<c>key=value</c>), e.g. <c>RateLimits:Profile=Benchmark</c>.
    /// </summary>
    public static async Task<PlatformInstance> StartAsync(string? dataRoot = null, bool durable = false,
        bool seedDemoData = false, bool infrastructureOnly = false, IEnumerable<string>? settings = null)
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var started = Stopwatch.StartNew();
        var ownsRoot = dataRoot is null;
        dataRoot ??= NewDataRoot();
        var epmdPort = FreePort();

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CQCTP_AppHost>(
            [
                "--environment=Testing",
                $"LocalInfra:DataRoot={dataRoot}",
                $"LocalInfra:Durable={durable}",
                $"LocalInfra:EpmdPort={epmdPort}",
                // Free broker ports (AMQP and management): a local run keeps 5672 and 15672, and parallel runs collide.
                "LocalInfra:AmqpPort=0",
                "LocalInfra:ManagementPort=0",
                $"DemoData:Seed={seedDemoData}",
                .. settings ?? [],
            ],
            (options, _) => options.DisableDashboard = true,
            cts.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // Without the dashboard nothing listens at the OTLP endpoint Aspire still hands every process, so each would
        // serialize its telemetry only to fail and retry: under the tests' load, CPU the platform needs.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT")));
        }

        if (infrastructureOnly)
        {
            foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
            {
                builder.Resources.Remove(project);
            }
        }

        var app = await builder.BuildAsync(cts.Token);
        var instance = new PlatformInstance(app, dataRoot, epmdPort, ownsRoot);
        _ = instance.Timeline.RecordAsync(app.Services.GetRequiredService<ResourceNotificationService>(),
            instance.stopRecording.Token);
        try
        {
            await app.StartAsync(cts.Token);
            // Once started, when each process has its orchestrator name; the console is replayed from its first line.
            var logs = app.Services.GetRequiredService<ResourceLoggerService>();
            foreach (var project in builder.Resources.OfType<ProjectResource>())
            {
                _ = instance.Consoles.RecordAsync(logs, project, instance.stopRecording.Token);
            }

            string[] readiness = infrastructureOnly ? [ResourceNames.Postgres, ResourceNames.Messaging] : [ResourceNames.Gateway];
            foreach (var ready in readiness)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(ready, cts.Token);
            }
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        instance.StartedIn = started.Elapsed;
        return instance;
    }

    /// <summary>A connection string to a database of its own on the platform's PostgreSQL server (created if missing).</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var server = await App.GetConnectionStringAsync(ResourceNames.MembershipDb, cancellationToken)
            ?? throw new InvalidOperationException("No PostgreSQL connection string.");
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
            {
            }
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// The PostgreSQL server's processes (postmaster and its children), for fault tests that freeze or kill them.
    /// Read from <c>postmaster.pid</c> in the data root, so only this platform's server is ever touched.
    /// </summary>
    public IReadOnlyList<int> PostgresProcessIds()
    {
        var pidFile = Path.Combine(DataRoot, ResourceNames.Postgres, "postmaster.pid");
        return ProcessTree(int.Parse(File.ReadLines(pidFile).First(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The process the orchestrator started for <paramref name="resource"/> (a service, the broker), if running.</summary>
    public int? ResourceProcessId(string resource)
    {
        var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
        return notifications.TryGetCurrentState(resource, out var current)
            && current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            && int.TryParse(pid.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? id
                : null;
    }

    /// <summary><paramref name="root"/> and every process below it (a broker's start script runs the node as a child).</summary>
    public static IReadOnlyList<int> ProcessTree(int root)
    {
        var parents = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: ParentOf(pid)))
            .ToList();
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Parent == tree[i]).Select(p => p.Pid));
        }

        return tree;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async Task<string> BrokerConnectionStringAsync(CancellationToken cancellationToken = default) =>
        await App.GetConnectionStringAsync(ResourceNames.Messaging, cancellationToken)
        ?? throw new InvalidOperationException("No broker connection string.");

    /// <summary>The broker's management HTTP API (the same account as <see cref="BrokerConnectionStringAsync"/>).</summary>
    public Uri BrokerManagementUrl =>
        App.GetEndpoint(ResourceNames.Messaging, CQCTP.AppHost.LocalInfra.LocalRabbitMQResource.ManagementEndpointName);

    /// <summary>Stops or starts a resource the way the dashboard's buttons do.</summary>
    public async Task ExecuteCommandAsync(string resource, string command, CancellationToken cancellationToken = default)
    {
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(resource, command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
        }
    }

    /// <summary>A client of the gateway carrying a development client's token (<c>dev-staff</c> unless told).</summary>
    public HttpClient CreateGatewayClient(string? clientId = DevelopmentClients.Staff) =>
        CreateClient(ResourceNames.Gateway, clientId);

    /// <summary>A client of one service reached directly (not through the gateway), with a token unless told.</summary>
    public HttpClient CreateClient(string resource, string? clientId)
    {
        var address = App.GetEndpoint(resource, "http");
        var gateway = App.GetEndpoint(ResourceNames.Gateway, "http");
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (clientId is not null)
        {
            handler = new BearerTokenHandler(async ct =>
            {
                using var tokenClient = new HttpClient { BaseAddress = gateway };
                return await DevelopmentTokens.AccessTokenAsync(tokenClient, clientId, ct);
            })
            {
                InnerHandler = handler,
            };
        }

        return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The gateway's public URL: the issuer of every token.</summary>
    public Uri GatewayUrl => App.GetEndpoint(ResourceNames.Gateway, "http");

    public async ValueTask DisposeAsync()
    {
        await stopRecording.CancelAsync();
        stopRecording.Dispose();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await App.StopAsync(cts.Token);
        }
        finally
        {
            await App.DisposeAsync();
            StopPrivateEpmd(EpmdPort);
            if (ownsDataRoot)
            {
                DeleteQuietly(DataRoot);
            }
        }
    }

    public static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not exited yet may still hold a file; /tmp is cleaned by the system anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void StopPrivateEpmd(int port)
    {
        using var epmd = Process.Start(new ProcessStartInfo("epmd", ["-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kill"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        epmd?.WaitForExit(TimeSpan.FromSeconds(10));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
