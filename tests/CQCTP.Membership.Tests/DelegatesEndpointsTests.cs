using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Membership.Api.Data;
using CQCTP.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Membership.Tests;

/// <summary>Delegates in-process: who sees contacts, the 4xx cases, and each event with the change it reports.</summary>
[Collection(MembershipCollection.Name)]
public sealed class DelegatesEndpointsTests(MembershipFixture fixture)
{
    private static readonly string DelegatesOfA = PeopleRequests.Delegates(DevelopmentClients.OrganizationA);

    [Fact]
    public async Task Create_AsStaff_Returns201WithETagAndContacts_AndRecordsDelegateAdded()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Hélène Création {PeopleRequests.Token()}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"{DelegatesOfA}/{id}", response.Headers.Location?.ToString());
        Assert.Equal("514 555-0199", body.GetProperty("phone").GetString());
        Assert.Equal("agm-delegate", body.GetProperty("roles")[0].GetString());
        var added = Assert.Single(await fixture.EventsAsync("DelegateAdded", id));
        Assert.Equal(DevelopmentClients.OrganizationA, added.GetProperty("organizationId").GetGuid());
        Assert.Equal("agm-delegate", added.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Create_AsTheOrganizationsOwnPortal_Returns201()
    {
        using var portalA = fixture.CreateClient(TestCaller.PortalA);

        using var response = await portalA.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Portail Propre {PeopleRequests.Token()}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Create_ForAnotherOrganizationAsPortal_Answers404()
    {
        using var portalB = fixture.CreateClient(TestCaller.PortalB);

        using var response = await portalB.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Portail Autre {PeopleRequests.Token()}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Create_AsIntegrator_Answers403()
    {
        using var integrator = fixture.CreateClient(TestCaller.Integrator);

        using var response = await integrator.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Intégrateur {PeopleRequests.Token()}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithoutNameAndEmail_Returns400WithBothFieldErrors()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA, new { title = "Sans nom" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("required", errors.GetProperty("fullName")[0].GetProperty("code").GetString());
        Assert.Equal("required", errors.GetProperty("email")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Create_WithABadEmailAndPhone_Returns400NamingEach()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Format {PeopleRequests.Token()}", ("email", "pas-une-adresse"), ("phone", "appelez-moi")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("invalid-email", errors.GetProperty("email")[0].GetProperty("code").GetString());
        Assert.Equal("invalid-format", errors.GetProperty("phone")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("preferredLanguage", "de")]
    [InlineData("roles", "treasurer")]
    public async Task Create_WithAnUnknownEnumValue_Returns400(string field, string value)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        object sent = field == "roles" ? new[] { value } : value;

        using var response = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Enum {PeopleRequests.Token()}", (field, sent)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed-request", await response.CodeAsync());
    }

    [Fact]
    public async Task Create_TheSameEmailTwiceInOneOrganization_Returns409Duplicate_ButAnotherOrganizationMayUseIt()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var email = $"{PeopleRequests.Token()}@doublon.example";
        using var first = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Doublon Un {PeopleRequests.Token()}", ("email", email)));

        using var second = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Doublon Deux {PeopleRequests.Token()}", ("email", email.ToUpperInvariant())));
        using var elsewhere = await staff.SendJsonAsync(HttpMethod.Post, PeopleRequests.Delegates(DevelopmentClients.OrganizationB),
            PeopleRequests.Delegate($"Doublon Ailleurs {PeopleRequests.Token()}", ("email", email)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("duplicate", await second.CodeAsync());
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Get_AsStaff_ReturnsEmailAndPhone()
    {
        var location = await CreateAsync(DelegatesOfA);
        using var staff = fixture.CreateClient(TestCaller.Staff);

        var body = await (await staff.GetAsync(location)).JsonAsync();

        Assert.Equal("514 555-0199", body.GetProperty("phone").GetString());
        Assert.EndsWith("@organisme.example", body.GetProperty("email").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AsTheOwnOrganizationsPortal_ReturnsEmailAndPhone()
    {
        var location = await CreateAsync(DelegatesOfA);
        using var portalA = fixture.CreateClient(TestCaller.PortalA);

        var body = await (await portalA.GetAsync(location)).JsonAsync();

        Assert.Equal("514 555-0199", body.GetProperty("phone").GetString());
        Assert.NotNull(body.GetProperty("email").GetString());
    }

    [Fact]
    public async Task GetAndList_AsIntegrator_ReturnTheDelegateWithoutEmailOrPhone()
    {
        var location = await CreateAsync(DelegatesOfA);
        using var integrator = fixture.CreateClient(TestCaller.Integrator);

        using var one = await integrator.GetAsync(location);
        var page = await (await integrator.GetAsync($"{DelegatesOfA}?pageSize=100")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var body = await one.JsonAsync();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("fullName").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("phone").ValueKind);
        Assert.NotEmpty(page.GetProperty("items").EnumerateArray());
        Assert.All(page.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Equal(JsonValueKind.Null, item.GetProperty("email").ValueKind);
            Assert.Equal(JsonValueKind.Null, item.GetProperty("phone").ValueKind);
        });
    }

    [Fact]
    public async Task GetListAndChange_AnotherOrganizationsDelegateAsPortal_Answer404()
    {
        var location = await CreateAsync(DelegatesOfA);
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var before = await staff.GetAsync(location);
        using var portalB = fixture.CreateClient(TestCaller.PortalB);

        using var one = await portalB.GetAsync(location);
        using var list = await portalB.GetAsync(DelegatesOfA);
        using var patch = await portalB.SendJsonAsync(HttpMethod.Patch, location, """{"title":"Pris"}""",
            before.Headers.ETag, "application/merge-patch+json");
        using var consents = await portalB.GetAsync($"{location}/consents");

        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, consents.StatusCode);
        using var after = await staff.GetAsync(location);
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Patch_WithAStaleIfMatch_Returns412_AndOnlyTheCommittedChangeHasAnEvent()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Concurrence {PeopleRequests.Token()}"));
        var location = created.Headers.Location!.ToString();
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        using var first = await staff.SendJsonAsync(HttpMethod.Patch, location, """{"title":"Première"}""",
            created.Headers.ETag, "application/merge-patch+json");

        using var second = await staff.SendJsonAsync(HttpMethod.Patch, location, """{"title":"Seconde"}""",
            created.Headers.ETag, "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("Première", (await (await staff.GetAsync(location)).JsonAsync()).GetProperty("title").GetString());
        Assert.Single(await fixture.EventsAsync("DelegateUpdated", id));
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Returns428()
    {
        var location = await CreateAsync(DelegatesOfA);
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.PutAsync(location, JsonContent.Create(
            PeopleRequests.Delegate($"Sans Étiquette {PeopleRequests.Token()}")));

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
    }

    [Fact]
    public async Task Put_ToAnEmailAnotherDelegateOfTheOrganizationHas_Returns409()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var email = $"{PeopleRequests.Token()}@pris.example";
        using var holder = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Titulaire {PeopleRequests.Token()}", ("email", email)));
        using var other = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Autre {PeopleRequests.Token()}"));

        using var response = await staff.SendJsonAsync(HttpMethod.Put, other.Headers.Location!.ToString(),
            PeopleRequests.Delegate($"Autre {PeopleRequests.Token()}", ("email", email)), other.Headers.ETag);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("duplicate", await response.CodeAsync());
    }

    [Fact]
    public async Task Remove_ErasesThePersonalFields_RecordsDelegateRemoved_AndTheDelegateIsGone()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var name = $"Départ {PeopleRequests.Token()}";
        using var created = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA, PeopleRequests.Delegate(name));
        var location = created.Headers.Location!.ToString();
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        using var removed = await staff.SendAsync(HttpMethod.Delete, location, created.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(location)).StatusCode);
        Assert.Single(await fixture.EventsAsync("DelegateRemoved", id));
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var stored = await db.Delegates.FindAsync(id);
        Assert.NotNull(stored);
        Assert.Equal("", stored.FullName);
        Assert.Null(stored.Email);
        Assert.Null(stored.Phone);
        Assert.NotNull(stored.RemovedAt);
    }

    private async Task<string> CreateAsync(string delegates)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await staff.SendJsonAsync(HttpMethod.Post, delegates,
            PeopleRequests.Delegate($"Personne {PeopleRequests.Token()}"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.Location!.ToString();
    }
}
