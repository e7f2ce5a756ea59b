using CQCTP.Security;

namespace CQCTP.IntegrationTests;

public sealed class RateLimitPlatform : IAsyncLifetime
{
    public PlatformInstance Platform { get; private set; } = null!;
    public HttpClient Staff { get; private set; } = null!;
    public HttpClient Integrator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await PlatformInstance.StartAsync();
        Staff = Platform.CreateGatewayClient();
        Integrator = Platform.CreateGatewayClient(DevelopmentClients.Integrator);

        // Their tokens are fetched now, before any test exhausts the token endpoint's window.
        (await Staff.GetAsync(Http.Organizations)).Dispose();
        (await Integrator.GetAsync(Http.Organizations)).Dispose();
    }

    public async Task DisposeAsync()
    {
        Staff.Dispose();
        Integrator.Dispose();
        await Platform.DisposeAsync();
    }
}
