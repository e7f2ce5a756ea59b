using System.Collections.Concurrent;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

namespace CQCTP.IntegrationTests;

/// <summary>One platform shared by every test of the collection (starting it costs ~15 s).</summary>
public class PlatformFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<(string, string?), HttpClient> clients = new();
    private PlatformInstance? instance;

    public PlatformInstance Platform => instance ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>The gateway with a <c>dev-staff</c> token: what the back office sees.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    protected virtual bool SeedDemoData => false;

    /// <summary>A shared client of <paramref name="resource"/> (the gateway unless told) with a development client's token, or none.</summary>
    public HttpClient As(string? clientId, string resource = ResourceNames.Gateway) =>
        clients.GetOrAdd((resource, clientId), key => Platform.CreateClient(key.Item1, key.Item2));

    public async Task InitializeAsync()
    {
        instance = await PlatformInstance.StartAsync(seedDemoData: SeedDemoData);
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
