using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

namespace CQCTP.IntegrationTests;

/// <summary>
/// Every endpoint of every service, and every gateway route, names its authorization policy or says it is anonymous;
/// and the anonymous ones are exactly the public ones. Nothing relies on the fallback.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class EndpointPolicyTests(PlatformFixture fixture)
{
    // Routes that may be anonymous, by resource: health, OpenAPI, the token endpoint and discovery, the API reference,
    // submitting a membership application, Membership's public directory, its service categories and the privacy
    // officer (reads only), and the AsyncAPI catalogue of the events.
    private static readonly Regex PublicRoute = PublicRoutePattern();

    public static TheoryData<string> Resources =>
    [
        ResourceNames.MembershipApi, ResourceNames.ConcertationApi, ResourceNames.KnowledgeApi,
        ResourceNames.FundingApi, ResourceNames.IdentityApi, ResourceNames.IntegrationsApi, ResourceNames.Gateway,
    ];

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task EveryEndpoint_HasAnExplicitPolicy_AndOnlyPublicOnesAreAnonymous(string resource)
    {
        var endpoints = await fixture.As(null, resource)
            .GetFromJsonAsync<EndpointPolicy[]>(EndpointPolicyReport.Path);

        Assert.NotNull(endpoints);
        Assert.NotEmpty(endpoints);
        Assert.Empty(Violations(endpoints));
    }

    [Fact]
    public async Task Gateway_HasAnExplicitPolicyOnEveryServiceRoute()
    {
        var endpoints = await fixture.As(null).GetFromJsonAsync<EndpointPolicy[]>(EndpointPolicyReport.Path);

        foreach (var service in new[] { "membership", "concertation", "knowledge", "funding", "identity", "integrations" })
        {
            var route = Assert.Single(endpoints!, e => e.Route == $"/api/v1/{service}/{{**catch-all}}");
            Assert.Equal([$"{service}-api"], route.Policies);
            Assert.True(Assert.Single(endpoints!, e => e.Route == $"/api/v1/{service}/openapi/{{**catch-all}}").Anonymous);
        }
    }

    [Fact]
    public async Task Gateway_EveryEndpointNamesARateLimiterPolicy_FallbackIncluded()
    {
        var endpoints = await fixture.As(null).GetFromJsonAsync<EndpointPolicy[]>(EndpointPolicyReport.Path);

        Assert.Contains(endpoints!, e => e.Route == "/{*path:nonfile}" && e.RateLimiterPolicy == "anonymous");
        Assert.Contains(endpoints!, e => e.Route == "/health" && e.RateLimiterPolicy == "probe");
        Assert.Empty(endpoints!.Where(e => string.IsNullOrEmpty(e.RateLimiterPolicy)).Select(e => e.Route));
    }

    [Fact]
    public async Task Gateway_ServesTheEventCatalogueAnonymously_UnderTheAnonymousLimit()
    {
        var endpoints = await fixture.As(null).GetFromJsonAsync<EndpointPolicy[]>(EndpointPolicyReport.Path);

        foreach (var path in new[] { "/asyncapi.json", "/api/v1/integrations/asyncapi.json" })
        {
            var route = Assert.Single(endpoints!, e => e.Route == path);
            Assert.True(route.Anonymous);
            Assert.Equal("anonymous", route.RateLimiterPolicy);
        }
    }

    [Fact]
    public async Task MembershipEndpoints_NameTheirScopePolicies()
    {
        var endpoints = await fixture.As(null, ResourceNames.MembershipApi)
            .GetFromJsonAsync<EndpointPolicy[]>(EndpointPolicyReport.Path);

        var create = Assert.Single(endpoints!, e => e.Route == "/api/v1/membership/organizations/" && e.Methods.Contains("POST"));
        Assert.Equal([Scopes.MembershipWrite], create.Policies);
    }

    [Fact]
    public void Violations_FindAnEndpointWithoutPolicyAndAPrivateAnonymousOne()
    {
        EndpointPolicy[] endpoints =
        [
            new("/health", ["GET"], Anonymous: true, []),
            new("/api/v1/membership/organizations", ["GET"], Anonymous: false, []),
            new("/api/v1/membership/organizations/{id}", ["GET"], Anonymous: true, []),
            new("/api/v1/membership/organizations/{id}", ["PUT"], Anonymous: false, ["membership.write"]),
        ];

        var violations = Violations(endpoints);

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.StartsWith("no policy: GET /api/v1/membership/organizations", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("anonymous but not public: GET /api/v1/membership/organizations/{id}", StringComparison.Ordinal));
    }

    private static List<string> Violations(IEnumerable<EndpointPolicy> endpoints) =>
    [
        .. endpoints.Where(e => !e.Anonymous && e.Policies.Count == 0)
            .Select(e => $"no policy: {string.Join(',', e.Methods)} {e.Route}"),
        .. endpoints.Where(e => e.Anonymous && !PublicRoute.IsMatch(e.Route))
            .Select(e => $"anonymous but not public: {string.Join(',', e.Methods)} {e.Route}"),
    ];

    [GeneratedRegex(@"^(/health|/alive|/_testing/endpoint-policies|/connect/token|/\.well-known/\{\*\*catch-all\}|/api/v1/[a-z]+/openapi/(\{documentName\}\.json|\{\*\*catch-all\})|/api-reference/?.*|/|/\{\*path:nonfile\}|/api/v1/membership/applications/?|/api/v1/membership/(directory|privacy-officer)/?|/api/v1/membership/service-categories/?(\{code\}|\{\*\*catch-all\})?|/asyncapi\.json|/api/v1/integrations/asyncapi\.json)$")]
    private static partial Regex PublicRoutePattern();
}
