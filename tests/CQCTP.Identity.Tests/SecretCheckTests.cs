using System.Net;

namespace CQCTP.Identity.Tests;

/// <summary>
/// A refused token request costs the same work whatever the reason, so its timing does not tell which client ids
/// exist: counted in PBKDF2 runs, not timed (scripts/measure-token-timing.sh measures the time).
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class SecretCheckTests(IdentityFixture fixture)
{
    [Theory]
    [InlineData("unknown client id")]
    [InlineData("revoked client")]
    [InlineData("wrong secret")]
    public async Task Token_RefusedCredentials_RunExactlyOneSecretCheck(string refusal)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var anonymous = fixture.Factory.CreateClient();
        var (clientId, secret) = refusal == "unknown client id" ? (Clients.NewId(), "never-issued") : await Clients.RegisterAsync(staff);
        if (refusal == "revoked client")
        {
            using var revoked = await staff.PostAsync($"{Clients.Prefix}/{clientId}/revoke", null);
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        var presented = refusal == "wrong secret" ? "not-the-secret" : secret;
        using var checks = new SecretCheckCounter();

        var (status, body) = await Tokens.RequestAsync(anonymous, clientId, presented);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.Equal(1, checks.Count);
    }
}
