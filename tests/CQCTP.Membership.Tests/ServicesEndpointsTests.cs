using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Security;

namespace CQCTP.Membership.Tests;

/// <summary>An organization's services: who writes and reads them, their rules, and the identifier guard's allowlist.</summary>
[Collection(MembershipCollection.Name)]
public sealed class ServicesEndpointsTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Create_ByTheOrganizationsPortal_Returns201Private_WithETag()
    {
        using var portalA = fixture.CreateClient(TestCaller.PortalA);

        using var response = await portalA.PostServiceAsync(DevelopmentClients.OrganizationA, Service("Accueil"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("isPublic").GetBoolean());
        Assert.Equal(["forcedLabour"], body.GetProperty("focus").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Create_ForAnotherOrganizationsPortal_Returns404()
    {
        using var portalA = fixture.CreateClient(TestCaller.PortalA);

        using var response = await portalA.PostServiceAsync(DevelopmentClients.OrganizationB, Service("Intrusion"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Create_ByAnIntegrator_Returns403_ButItReadsPrivateServices()
    {
        var organization = await fixture.CreateOrganizationAsync($"Lecture {DirectoryTestData.Token()}", active: true);
        var service = await fixture.CreateServiceAsync(organization, Service("Privé"));
        using var integrator = fixture.CreateClient(TestCaller.Integrator);

        using var create = await integrator.PostServiceAsync(organization, Service("Refusé"));
        var list = await integrator.GetFromJsonAsync<JsonElement>(DirectoryTestData.ServicesPath(organization));

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal([service], list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Create_WithAPhoneInTheEligibility_Returns422NamingTheSpan()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.PostServiceAsync(DevelopmentClients.OrganizationA,
            Service("Écoute") with { Eligibility = new NameBody("Demander Julie au 514 555-0199.", null) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("direct-identifier", body.GetProperty("rule").GetString());
        Assert.Equal(18, body.GetProperty("errors").GetProperty("eligibility.fr")[0].GetProperty("start").GetInt32());
    }

    [Fact]
    public async Task Create_PrintingTheOrganizationsOwnPublicEmail_IsAllowed_ButNotAnotherEmail()
    {
        var token = DirectoryTestData.Token();
        var organization = await fixture.CreateOrganizationAsync($"Courriel {token}", active: true,
            publicEmail: $"accueil-{token}@organisme.example");
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var own = await staff.PostServiceAsync(organization,
            Service("Accueil") with { Eligibility = new NameBody($"Écrire à ACCUEIL-{token}@organisme.example.", null) });
        using var other = await staff.PostServiceAsync(organization,
            Service("Accueil") with { Eligibility = new NameBody($"Écrire à julie-{token}@organisme.example.", null) });

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
    }

    [Fact]
    public async Task Create_PrintingAPublishedHelpLine_IsAllowedOnceStaffPublishIt()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var service = Service("Ligne d'aide") with { Eligibility = new NameBody("Ligne d'urgence : 1 833 900-1010.", null) };
        using var before = await staff.PostServiceAsync(DevelopmentClients.OrganizationB, service);

        using var published = await staff.SendWithBodyAsync(HttpMethod.Post, "/api/v1/membership/published-contacts",
            new { value = "1-833-900-1010", label = new { fr = "Ligne d'urgence canadienne contre la traite des personnes" } },
            idempotent: true);
        using var after = await staff.PostServiceAsync(DevelopmentClients.OrganizationB, service);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, before.StatusCode);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task Create_WithoutAnyFocus_Returns422FocusRequired()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.PostServiceAsync(DevelopmentClients.OrganizationA, Service("Sans volet") with { Focus = [] });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("focus-required", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("regionCodes", "regionCodes[1]", "invalid-format")]
    [InlineData("languages", "languages[0]", "invalid-format")]
    [InlineData("category", "category", "invalid-value")]
    public async Task Create_WithABadValue_Returns400NamingIt(string change, string field, string code)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var service = change switch
        {
            "regionCodes" => Service("Régions") with { RegionCodes = ["05", "18"] },
            "languages" => Service("Langues") with { Languages = ["Français"] },
            _ => Service("Catégorie") with { Category = "no-such-category" },
        };

        using var response = await staff.PostServiceAsync(DevelopmentClients.OrganizationA, service);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("errors").GetProperty(field)[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Replace_WithAStaleIfMatch_Returns412_AndWithoutOne428()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await staff.PostServiceAsync(DevelopmentClients.OrganizationA, Service("Version"));
        var location = created.Headers.Location!.ToString();
        using var first = await staff.SendWithBodyAsync(HttpMethod.Put, location, Service("Version 2"), created.Headers.ETag);

        using var stale = await staff.SendWithBodyAsync(HttpMethod.Put, location, Service("Version 3"), created.Headers.ETag);
        using var missing = await staff.SendWithBodyAsync(HttpMethod.Put, location, Service("Version 3"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        var stored = await staff.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal("Version 2", stored.GetProperty("name").GetProperty("fr").GetString());
    }

    [Fact]
    public async Task Delete_WithTheCurrentETag_RemovesTheService()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await staff.PostServiceAsync(DevelopmentClients.OrganizationA, Service("Éphémère"));
        using var request = new HttpRequestMessage(HttpMethod.Delete, created.Headers.Location);
        request.Headers.IfMatch.Add(created.Headers.ETag!);

        using var deleted = await staff.SendAsync(request);
        using var after = await staff.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    private static ServiceBody Service(string name) => new()
    {
        Category = "psychosocial-support",
        Name = new NameBody(name, null),
        RegionCodes = ["06"],
        Languages = ["fr"],
        Focus = ["forcedLabour"],
    };
}
