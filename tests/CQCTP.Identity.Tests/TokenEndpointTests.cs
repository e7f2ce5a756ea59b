using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Security;

namespace CQCTP.Identity.Tests;

/// <summary>The token endpoint straight on the service: whom it refuses.</summary>
[Collection(IdentityCollection.Name)]
public sealed class TokenEndpointTests(IdentityFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData(Scopes.IdentityAdmin)]
    public async Task Token_ForAStoredClientBreakingTheKindRule_IsRefusedAsUnauthorizedClient(string? scope)
    {
        const string secret = "a-secret-written-around-the-api";
        var clientId = await Clients.StoreMisregisteredPortalAsync(fixture, secret);
        using var anonymous = fixture.Factory.CreateClient();

        var (status, body) = await Tokens.RequestAsync(anonymous, clientId, secret, scope);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unauthorized_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_ForAClientIdWithAControlCharacter_IsRefusedAsInvalidClient()
    {
        using var anonymous = fixture.Factory.CreateClient();

        var (status, body) = await Tokens.RequestAsync(anonymous, "dev\u0007staff", "dev-staff-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_WithANulInTheForm_Returns400NotA500()
    {
        using var anonymous = fixture.Factory.CreateClient();

        using var response = await Tokens.PostAsync(anonymous, "dev-staff\u0000", "dev-staff-secret");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed-request", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
