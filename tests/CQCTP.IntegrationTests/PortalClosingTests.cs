using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CQCTP.IntegrationTests;

/// <summary>
/// Ending a membership closes the organization's portal everywhere: Membership publishes the status change, the
/// identity service stops issuing that portal tokens; reactivation opens it again. Across the real broker.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PortalClosingTests(PlatformFixture fixture)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Suspension_RefusesThePortalANewToken_AndReactivationOpensItAgain()
    {
        var (created, etag) = await fixture.Gateway.CreateOrganizationAsync(Http.UniqueName("Portail Fermé"));
        var organization = created.GetProperty("id").GetGuid();
        etag = await CommandAsync(organization, "activate", etag, new { membershipType = "regular" });
        var (clientId, secret) = await RegisterPortalAsync(organization);
        var anonymous = fixture.As(null);
        Assert.Equal(HttpStatusCode.OK, (await Tokens.RequestAsync(anonymous, clientId, secret)).Status);

        etag = await CommandAsync(organization, "suspend", etag, new { reason = "Cotisation en retard" });
        var refused = await Http.EventuallyAsync(async () =>
        {
            var (status, body) = await Tokens.RequestAsync(anonymous, clientId, secret);
            return status == HttpStatusCode.OK ? null : (JsonElement?)body;
        }, EventTimeout);

        Assert.Equal("unauthorized_client", refused.GetProperty("error").GetString());
        await CommandAsync(organization, "reactivate", etag, new { reason = "Cotisation payée" });
        await Http.EventuallyAsync(async () =>
        {
            var (status, _) = await Tokens.RequestAsync(anonymous, clientId, secret);
            return status == HttpStatusCode.OK ? true : (bool?)null;
        }, EventTimeout);
    }

    private async Task<string> CommandAsync(Guid organization, string command, string etag, object body)
    {
        using var request = Http.Json(HttpMethod.Post, $"{Http.Organizations}/{organization}/{command}", body);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await fixture.Gateway.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{command}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!.ToString();
    }

    private async Task<(string ClientId, string Secret)> RegisterPortalAsync(Guid organization)
    {
        var clientId = $"portal-closing-{Guid.NewGuid():N}"[..40];
        using var response = await fixture.Gateway.PostAsJsonAsync(ClientsTests.Clients, new
        {
            clientId,
            displayName = "Portail de test",
            kind = "portal",
            organizationId = organization,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (clientId, (await response.ReadJsonAsync()).GetProperty("clientSecret").GetString()!);
    }
}
