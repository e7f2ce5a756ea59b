using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

namespace CQCTP.IntegrationTests;

/// <summary>Who may call what: tokens refused at the gateway and again at the service reached directly.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AccessControlTests(PlatformFixture fixture)
{
    public static TheoryData<string> Targets => [ResourceNames.Gateway, ResourceNames.MembershipApi];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task ListOrganizations_WithoutToken_Returns401WithChallengeAndProblem(string target)
    {
        using var response = await fixture.As(null, target).GetAsync(Http.Organizations);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unauthorized", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task ListOrganizations_WithForgedButValidToken_Returns200(string target)
    {
        var forged = await ForgedTokens.LoadAsync(fixture.Platform);

        using var response = await SendWithToken(target, forged.Create("membership-api", Scopes.MembershipRead));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(ResourceNames.Gateway, "expired")]
    [InlineData(ResourceNames.MembershipApi, "expired")]
    [InlineData(ResourceNames.Gateway, "wrong-audience")]
    [InlineData(ResourceNames.MembershipApi, "wrong-audience")]
    [InlineData(ResourceNames.Gateway, "other-api-audience")]
    [InlineData(ResourceNames.MembershipApi, "other-api-audience")]
    [InlineData(ResourceNames.Gateway, "wrong-issuer")]
    [InlineData(ResourceNames.MembershipApi, "wrong-issuer")]
    [InlineData(ResourceNames.Gateway, "tampered")]
    [InlineData(ResourceNames.MembershipApi, "tampered")]
    [InlineData(ResourceNames.Gateway, "alg-none")]
    [InlineData(ResourceNames.MembershipApi, "alg-none")]
    [InlineData(ResourceNames.Gateway, "impostor-key")]
    [InlineData(ResourceNames.MembershipApi, "impostor-key")]
    public async Task ListOrganizations_WithBadToken_Returns401(string target, string flaw)
    {
        var forged = await ForgedTokens.LoadAsync(fixture.Platform);
        var token = flaw switch
        {
            // Beyond the 30 s clock skew the validators allow.
            "expired" => forged.Create("membership-api", Scopes.MembershipRead, expires: DateTime.UtcNow.AddSeconds(-45)),
            "wrong-audience" => forged.Create("someone-else", Scopes.MembershipRead),
            "other-api-audience" => forged.Create("funding-api", Scopes.MembershipRead),
            "wrong-issuer" => forged.Create("membership-api", Scopes.MembershipRead, issuerOverride: "http://evil.example/"),
            "tampered" => forged.Tampered("membership-api", Scopes.MembershipRead),
            "alg-none" => forged.WithoutSignature("membership-api", Scopes.MembershipRead),
            "impostor-key" => forged.Create("membership-api", Scopes.MembershipRead,
                signingKey: ForgedTokens.Impostor(forged.KeyId)),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };

        using var response = await SendWithToken(target, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal("unauthorized", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task CreateOrganization_WithReadOnlyToken_Returns403WithInsufficientScope(string target)
    {
        var client = fixture.As(DevelopmentClients.Integrator, target);

        using var response = await client.SendAsync(
            Http.Json(HttpMethod.Post, Http.Organizations, new { legalName = Http.UniqueName("Intégrateur") }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate,
            h => h.Scheme == "Bearer" && h.Parameter == "error=\"insufficient_scope\"");
        Assert.Equal("forbidden", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ListOrganizations_WithTokenOfAnotherService_Returns403()
    {
        var forged = await ForgedTokens.LoadAsync(fixture.Platform);

        using var response = await SendWithToken(ResourceNames.MembershipApi,
            forged.Create("membership-api", Scopes.ConcertationRead));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task PortalA_ReadingOrganizationB_Returns404(string target)
    {
        using var response = await fixture.As(DevelopmentClients.PortalA, target)
            .GetAsync($"{Http.Organizations}/{DevelopmentClients.OrganizationB}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task PortalA_UpdatingOrganizationB_Returns404AndChangesNothing(string method)
    {
        using var before = await fixture.Gateway.GetAsync($"{Http.Organizations}/{DevelopmentClients.OrganizationB}");
        var etag = before.Headers.ETag!.ToString();
        var request = method == "PUT"
            ? Http.Json(HttpMethod.Put, $"{Http.Organizations}/{DevelopmentClients.OrganizationB}",
                new { legalName = "Prise de contrôle" })
            : Http.Json(HttpMethod.Patch, $"{Http.Organizations}/{DevelopmentClients.OrganizationB}",
                new { legalName = "Prise de contrôle" }, contentType: "application/merge-patch+json");
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));

        using var response = await fixture.As(DevelopmentClients.PortalA).SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var after = await fixture.Gateway.GetAsync($"{Http.Organizations}/{DevelopmentClients.OrganizationB}");
        Assert.Equal(etag, after.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task PortalA_UpdatingItsOwnOrganization_Succeeds()
    {
        var portal = fixture.As(DevelopmentClients.PortalA);
        using var read = await portal.GetAsync($"{Http.Organizations}/{DevelopmentClients.OrganizationA}");
        var patch = Http.Json(HttpMethod.Patch, $"{Http.Organizations}/{DevelopmentClients.OrganizationA}",
            new { website = "https://organisme-a.example" }, contentType: "application/merge-patch+json");
        patch.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(read.Headers.ETag!.ToString()));

        using var response = await portal.SendAsync(patch);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://organisme-a.example", (await response.ReadJsonAsync()).GetProperty("website").GetString());
    }

    [Fact]
    public async Task PortalA_ListingOrganizations_SeesOnlyItsOwn()
    {
        await fixture.Gateway.CreateOrganizationAsync(Http.UniqueName("Autre organisme"));

        var page = await fixture.As(DevelopmentClients.PortalA).GetFromJsonAsync<JsonElement>(Http.Organizations);

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var only = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(DevelopmentClients.OrganizationA.ToString(), only.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Staff_ListingOrganizations_SeesBothPortalOrganizations()
    {
        var page = await fixture.Gateway.GetFromJsonAsync<JsonElement>($"{Http.Organizations}?search=portail%20de%20d%C3%A9veloppement");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Portal_CreatingAnOrganization_Returns403()
    {
        using var response = await fixture.As(DevelopmentClients.PortalA).SendAsync(
            Http.Json(HttpMethod.Post, Http.Organizations, new { legalName = Http.UniqueName("Portail") }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PortalOfOrganizationNotActiveMember_IsRefusedWith401()
    {
        var (organization, _) = await fixture.Gateway.CreateOrganizationAsync(Http.UniqueName("Organisme en attente"));
        var id = organization.GetProperty("id").GetString()!;
        using var registered = await fixture.Gateway.PostAsJsonAsync(ClientsTests.Clients, new
        {
            clientId = $"portal-{Guid.NewGuid():N}"[..30],
            displayName = "Portail en attente",
            kind = "portal",
            organizationId = id,
        });
        var issued = await registered.ReadJsonAsync();
        var gateway = fixture.As(null);
        var token = await Tokens.AccessTokenAsync(gateway, issued.GetProperty("clientId").GetString()!,
            issued.GetProperty("clientSecret").GetString());

        using var response = await SendWithToken(ResourceNames.Gateway, token, $"{Http.Organizations}/{id}");

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PortalToken_OnAnotherService_Returns401()
    {
        using var response = await fixture.As(DevelopmentClients.PortalA, ResourceNames.FundingApi)
            .GetAsync("/api/v1/funding/anything");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(ResourceNames.Gateway)]
    [InlineData(ResourceNames.FundingApi)]
    public async Task ServiceWithoutRoutesYet_WithValidToken_Returns404NotAnError(string target)
    {
        using var response = await fixture.As(DevelopmentClients.Staff, target).GetAsync("/api/v1/funding/anything");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("https://www.cqctp.example", true)]
    [InlineData("https://evil.example", false)]
    public async Task OpenApiDocument_GivesCorsHeadersOnlyToTheRegisteredOrigin(string origin, bool allowed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/membership/openapi/v1.json");
        request.Headers.Add("Origin", origin);

        using var response = await fixture.As(null).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(allowed, response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ProtectedRoute_GivesNoCorsHeadersEvenToTheRegisteredOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Http.Organizations);
        request.Headers.Add("Origin", "https://www.cqctp.example");

        using var response = await fixture.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private async Task<HttpResponseMessage> SendWithToken(string target, string token, string path = Http.Organizations)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await fixture.As(null, target).SendAsync(request);
    }
}
