using System.Net;
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
}
