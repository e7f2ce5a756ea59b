using CQCTP.Security;

namespace CQCTP.ReliabilityTests;

/// <summary>
/// The platform the fault tests share and take apart one after another: durable commits (an immediate restart must
/// not lose what answered 2xx), the benchmark profile's rate limits (a load must not meet a 429) and a short outbox
/// claim lease (a dead relay's rows come back in seconds, not a minute).
/// </summary>
public sealed class FaultPlatform : IAsyncLifetime
{
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(5);

    public PlatformInstance Platform { get; private set; } = null!;

    /// <summary>The gateway with a <c>dev-staff</c> token.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The gateway without a token: probes.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await PlatformInstance.StartAsync(durable: true, settings:
        [
            "RateLimits:Profile=Benchmark",
            $"Messaging:ClaimLease={ClaimLease}",
        ]);
        Gateway = Platform.CreateGatewayClient();
        Anonymous = Platform.CreateGatewayClient(clientId: null);
        // The token now, while the database answers: fault tests freeze it.
        (await Gateway.GetAsync(Requests.Organizations)).Dispose();
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        Anonymous.Dispose();
        await Platform.DisposeAsync();
    }

    public HttpClient Client(string resource, string? clientId = DevelopmentClients.Staff) =>
        Platform.CreateClient(resource, clientId);
}
