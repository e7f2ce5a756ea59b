using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CQCTP.ServiceDefaults;
using CQCTP.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CQCTP.IntegrationTests;

/// <summary>
/// The whole AppHost (PostgreSQL, RabbitMQ, services, gateway) on a fresh data root, free ports and a private epmd,
/// so parallel runs on one machine never collide. Tests talk to it through the gateway, as a partner front end would.
/// </summary>
public sealed class PlatformInstance : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly bool ownsDataRoot;

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

    public static async Task<PlatformInstance> StartAsync(string? dataRoot = null, bool durable = false)
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
            ],
            (options, _) => options.DisableDashboard = true,
            cts.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        var app = await builder.BuildAsync(cts.Token);
        var instance = new PlatformInstance(app, dataRoot, epmdPort, ownsRoot);
        try
        {
            await app.StartAsync(cts.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, cts.Token);
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        instance.StartedIn = started.Elapsed;
        return instance;
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
            handler = new BearerTokenHandler(async _ =>
            {
                using var tokenClient = new HttpClient { BaseAddress = gateway };
                return await Tokens.AccessTokenAsync(tokenClient, clientId);
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

/// <summary>One platform shared by every test of the collection (starting it costs ~15 s).</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private PlatformInstance? instance;

    public PlatformInstance Platform => instance ?? throw new InvalidOperationException("The platform has not started.");

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string?), HttpClient> clients = new();

    /// <summary>The gateway with a <c>dev-staff</c> token: what the back office sees.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>A shared client of <paramref name="resource"/> (the gateway unless told) with a development client's token, or none.</summary>
    public HttpClient As(string? clientId, string resource = ResourceNames.Gateway) =>
        clients.GetOrAdd((resource, clientId), key => Platform.CreateClient(key.Item1, key.Item2));

    public async Task InitializeAsync()
    {
        instance = await PlatformInstance.StartAsync();
        Gateway = As(DevelopmentClients.Staff);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        if (instance is not null)
        {
            await instance.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
