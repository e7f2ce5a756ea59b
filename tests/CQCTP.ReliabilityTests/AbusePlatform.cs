using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CQCTP.ReliabilityTests.OpenApi;
using CQCTP.Security;

namespace CQCTP.ReliabilityTests;

/// <summary>
/// The platform the fuzz, concurrency and attack suites share: the benchmark profile's rate limits (hundreds of
/// requests in a few seconds must meet the checks, not a 429), and the API as the gateway publishes it.
/// </summary>
public sealed partial class AbusePlatform : IAsyncLifetime
{
    public PlatformInstance Platform { get; private set; } = null!;

    public HttpClient Staff { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Every service's OpenAPI document, found from the gateway's routes rather than a list kept here.</summary>
    public IReadOnlyList<ApiDocument> Documents { get; private set; } = [];

    /// <summary>Each service's own endpoint-policy report (service name → its API routes), read from the service itself.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EndpointPolicy>> ServiceRoutes { get; private set; } =
        new Dictionary<string, IReadOnlyList<EndpointPolicy>>();

    /// <summary>Raw access tokens of the development clients, for cases that set the header themselves.</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Platform = await PlatformInstance.StartAsync(settings: ["RateLimits:Profile=Benchmark"]);
        Staff = Platform.CreateGatewayClient();
        Anonymous = Platform.CreateGatewayClient(clientId: null);
        // The token now: issuing one must not count as a row some fuzz case wrote.
        (await Staff.GetAsync(new Uri("/api/v1/membership/organizations", UriKind.Relative))).Dispose();
        var routes = await Anonymous.GetFromJsonAsync<EndpointPolicy[]>(EndpointPolicyReport.Path) ?? [];
        var services = routes.Select(r => OpenApiRoute().Match(r.Route)).Where(m => m.Success)
            .Select(m => m.Groups["service"].Value).Distinct().Order().ToList();
        Documents = await Task.WhenAll(services.Select(s => ApiDocument.LoadAsync(Anonymous, s)));
        var reports = new Dictionary<string, IReadOnlyList<EndpointPolicy>>();
        foreach (var service in services)
        {
            using var direct = Platform.CreateClient(Audiences.Of(service), clientId: null);
            reports[service] = await direct.GetFromJsonAsync<EndpointPolicy[]>(EndpointPolicyReport.Path) ?? [];
        }

        ServiceRoutes = reports;
        var tokens = new Dictionary<string, string>();
        foreach (var client in DevelopmentClients.All)
        {
            tokens[client] = await DevelopmentTokens.AccessTokenAsync(Anonymous, client);
        }

        Tokens = tokens;
    }

    public async Task DisposeAsync()
    {
        Staff.Dispose();
        Anonymous.Dispose();
        await Platform.DisposeAsync();
    }

    public HttpClient As(string clientId) => Platform.CreateGatewayClient(clientId);

    [GeneratedRegex(@"^/api/v1/(?<service>[a-z]+)/openapi/")]
    private static partial Regex OpenApiRoute();
}
