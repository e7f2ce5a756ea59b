using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Security;

namespace CQCTP.Identity.Tests;

/// <summary>Registering clients through the admin API: what a client may hold is decided here, once and for all.</summary>
[Collection(IdentityCollection.Name)]
public sealed class ClientsEndpointsTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Register_WithANullScope_Returns400NamingTheElementAndStoresNothing()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var clientId = Clients.NewId();

        using var response = await staff.PostAsJsonAsync(Clients.Prefix, new
        {
            clientId,
            displayName = "Portail à portée nulle",
            kind = "portal",
            organizationId = DevelopmentClients.OrganizationA,
            scopes = new string?[] { null, Scopes.MembershipRead, Scopes.IdentityAdmin },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("required", errors.GetProperty("scopes[0]")[0].GetProperty("code").GetString());
        using var stored = await staff.GetAsync($"{Clients.Prefix}/{clientId}");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task Register_WithBlankUnknownAndRepeatedScopes_Returns400ForEachElement()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.PostAsJsonAsync(Clients.Prefix, new
        {
            clientId = Clients.NewId(),
            displayName = "Intégrateur aux portées douteuses",
            kind = "integrator",
            scopes = new[] { Scopes.MembershipRead, " ", "membership.everything", Scopes.MembershipRead },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.False(errors.TryGetProperty("scopes[0]", out _));
        Assert.Equal("required", errors.GetProperty("scopes[1]")[0].GetProperty("code").GetString());
        Assert.Equal("unknown-scope", errors.GetProperty("scopes[2]")[0].GetProperty("code").GetString());
        Assert.Equal("duplicate", errors.GetProperty("scopes[3]")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Register_PortalWithAScopeOfAnotherKind_Returns422NamingTheScope()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.PostAsJsonAsync(Clients.Prefix, new
        {
            clientId = Clients.NewId(),
            displayName = "Portail trop gourmand",
            kind = "portal",
            organizationId = DevelopmentClients.OrganizationA,
            scopes = new[] { Scopes.MembershipSelf, Scopes.IdentityAdmin },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("scope-not-allowed", problem.GetProperty("rule").GetString());
        Assert.Contains(Scopes.IdentityAdmin, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Scopes.MembershipSelf, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithoutKind_Returns400KindRequired()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var clientId = Clients.NewId();

        using var response = await staff.PostAsJsonAsync(Clients.Prefix, new
        {
            clientId,
            displayName = "Client sans type",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("required", errors.GetProperty("kind")[0].GetProperty("code").GetString());
        using var stored = await staff.GetAsync($"{Clients.Prefix}/{clientId}");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task AdminAnswers_AreNeverStoredByACache()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.GetAsync($"{Clients.Prefix}/{DevelopmentClients.Integrator}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
