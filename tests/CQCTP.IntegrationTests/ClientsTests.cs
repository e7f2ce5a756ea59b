using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CQCTP.Security;

namespace CQCTP.IntegrationTests;

/// <summary>The token endpoint and the admin API (register, rotate, revoke), through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ClientsTests(PlatformFixture fixture)
{
    public const string Clients = "/api/v1/identity/clients";

    private HttpClient Anonymous => fixture.As(null);

    [Fact]
    public async Task Token_WithoutScope_GrantsEveryScopeOfTheClientAsSignedJwt()
    {
        var (status, body) = await Tokens.RequestAsync(Anonymous, DevelopmentClients.Staff,
            DevelopmentClients.SecretOf(DevelopmentClients.Staff));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 590, 600);
        var token = body.GetProperty("access_token").GetString()!;
        Assert.Equal(3, token.Split('.').Length);
        var header = Decode(token, 0);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        var payload = Decode(token, 1);
        Assert.Equal(fixture.Platform.GatewayUrl.AbsoluteUri, payload.GetProperty("iss").GetString());
        Assert.Equal(DevelopmentClients.Staff, payload.GetProperty("sub").GetString());
        Assert.Equal(Scopes.Staff.Order(StringComparer.Ordinal),
            payload.GetProperty("scope").GetString()!.Split(' ').Order(StringComparer.Ordinal));
        // The APIs of its scopes: not the integrations API, whose scope only integrators hold.
        Assert.Equal(Scopes.Staff.Select(Scopes.AudienceOf).Distinct().Order(StringComparer.Ordinal),
            payload.GetProperty("aud").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(600, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Token_ForPortal_CarriesItsOrganizationAndOnlyMembershipSelf()
    {
        var token = await Tokens.AccessTokenAsync(Anonymous, DevelopmentClients.PortalB);

        var payload = Decode(token, 1);
        Assert.Equal(DevelopmentClients.OrganizationB.ToString(), payload.GetProperty("organization_id").GetString());
        Assert.Equal(Scopes.MembershipSelf, payload.GetProperty("scope").GetString());
        // Members-only library items live in the knowledge API; nothing else is reachable.
        Assert.Equal(["knowledge-api", "membership-api"],
            payload.GetProperty("aud").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Token_WithScopeTheClientLacks_ReturnsInvalidScope()
    {
        var (status, body) = await Tokens.RequestAsync(Anonymous, DevelopmentClients.Integrator,
            DevelopmentClients.SecretOf(DevelopmentClients.Integrator), $"{Scopes.MembershipRead} {Scopes.MembershipContactsRead}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_WithNarrowerScope_GrantsOnlyThatScopeAndAudience()
    {
        var token = await Tokens.AccessTokenAsync(Anonymous, DevelopmentClients.Integrator, scope: Scopes.FundingRead);

        var payload = Decode(token, 1);
        Assert.Equal(Scopes.FundingRead, payload.GetProperty("scope").GetString());
        Assert.Equal("funding-api", payload.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Token_WithWrongSecret_ReturnsInvalidClient()
    {
        var (status, body) = await Tokens.RequestAsync(Anonymous, DevelopmentClients.Staff, "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Discovery_ThroughGateway_AdvertisesOnlyTheGatewayUrl()
    {
        var discovery = await Anonymous.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        // Not the identity service's own address: a client following the document must stay behind the gateway.
        var gateway = fixture.Platform.GatewayUrl.AbsoluteUri;
        Assert.Equal(gateway, discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{gateway}connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{gateway}.well-known/jwks", discovery.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task AdminApi_WithoutIdentityAdminScope_IsRefused()
    {
        using var integrator = await fixture.As(DevelopmentClients.Integrator).GetAsync(Clients);
        using var anonymous = await Anonymous.GetAsync(Clients);

        // The integrator's token is not for the identity API at all: refused like any token for another audience.
        Assert.Equal(HttpStatusCode.Unauthorized, integrator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task AdminApi_RegisteringScopeBeyondTheKind_Returns422()
    {
        using var response = await fixture.Gateway.PostAsJsonAsync(Clients, new
        {
            clientId = NewClientId(),
            displayName = "Intégrateur trop gourmand",
            kind = "integrator",
            scopes = new[] { Scopes.MembershipContactsRead },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("scope-not-allowed", (await response.ReadJsonAsync()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task RotatedSecret_OldValueWorksUntilRevoked_ThenOnlyTheNewOne()
    {
        var (clientId, oldSecret, oldSecretId) = await RegisterAsync();
        using var rotated = await fixture.Gateway.PostAsync($"{Clients}/{clientId}/secrets", null);
        var rotation = await rotated.ReadJsonAsync();
        var newSecret = rotation.GetProperty("clientSecret").GetString()!;

        var oldBeforeRevocation = await Tokens.RequestAsync(Anonymous, clientId, oldSecret);
        var newBeforeRevocation = await Tokens.RequestAsync(Anonymous, clientId, newSecret);
        using var revoked = await fixture.Gateway.DeleteAsync($"{Clients}/{clientId}/secrets/{oldSecretId}");
        var oldAfterRevocation = await Tokens.RequestAsync(Anonymous, clientId, oldSecret);
        var newAfterRevocation = await Tokens.RequestAsync(Anonymous, clientId, newSecret);

        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        var oldMetadata = rotation.GetProperty("client").GetProperty("secrets").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == oldSecretId);
        var expiresIn = oldMetadata.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.OK, oldBeforeRevocation.Status);
        Assert.Equal(HttpStatusCode.OK, newBeforeRevocation.Status);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal("invalid_client", oldAfterRevocation.Body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, newAfterRevocation.Status);
    }

    [Fact]
    public async Task RevokedClient_GetsNoNewToken()
    {
        var (clientId, secret, _) = await RegisterAsync();
        var before = await Tokens.RequestAsync(Anonymous, clientId, secret);

        using var revoked = await fixture.Gateway.PostAsync($"{Clients}/{clientId}/revoke", null);
        var after = await Tokens.RequestAsync(Anonymous, clientId, secret);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal("invalid_client", after.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AdminApi_ListsTheDevelopmentClientsWithoutSecrets()
    {
        var page = await fixture.Gateway.GetStringAsync($"{Clients}?pageSize=100");

        foreach (var client in DevelopmentClients.All)
        {
            Assert.Contains($"\"{client}\"", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("-secret", page, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", page, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(string ClientId, string Secret, string SecretId)> RegisterAsync()
    {
        var clientId = NewClientId();
        using var response = await fixture.Gateway.PostAsJsonAsync(Clients, new
        {
            clientId,
            displayName = "Intégrateur de test",
            kind = "integrator",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return (clientId, body.GetProperty("clientSecret").GetString()!, body.GetProperty("secretId").GetString()!);
    }

    private static string NewClientId() => $"test-{Guid.NewGuid():N}"[..30];

    private static JsonElement Decode(string token, int part) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(
            Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.Split('.')[part]))).RootElement;
}
