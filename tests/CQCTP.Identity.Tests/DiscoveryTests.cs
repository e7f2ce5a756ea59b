using System.Text.Json;

namespace CQCTP.Identity.Tests;

/// <summary>The discovery document names the public gateway URL, whoever asks and whatever host they name.</summary>
[Collection(IdentityCollection.Name)]
public sealed class DiscoveryTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Discovery_SentStraightWithAForeignHost_AdvertisesOnlyThePublicUrl()
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        using var response = await client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        var discovery = JsonDocument.Parse(text).RootElement;
        var issuer = fixture.Tokens.Issuer;
        Assert.Equal(issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{issuer}connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.StartsWith(issuer, discovery.GetProperty("jwks_uri").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
    }
}
