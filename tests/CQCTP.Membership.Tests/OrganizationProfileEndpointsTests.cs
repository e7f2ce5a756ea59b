using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Membership.Contracts;
using static CQCTP.Membership.Tests.MembershipRequests;

namespace CQCTP.Membership.Tests;

/// <summary>The organization profile: its fields, their shape rules, the duplicate rule, who sees the address, its event.</summary>
[Collection(MembershipCollection.Name)]
public sealed class OrganizationProfileEndpointsTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Create_WithTheFullProfile_StoresIt_AndTheEventCarriesTheRegionsServed()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var name = UniqueName("Maison Profil");

        using var response = await staff.PostJsonAsync($$"""
            {
              "legalName": "{{name}}", "type": "shelter", "focusAreas": ["sexualExploitation", "forcedLabour"],
              "regionCode": "06", "regionsServed": ["06", "13"], "languagesServed": ["fr", "en", "es"],
              "publicEmail": "info@profil.example", "publicPhone": "(514) 555-0199 poste 12",
              "website": "https://profil.example",
              "address": { "street": "1 rue Principale", "city": "Montréal", "postalCode": "h2x1y4", "regionCode": "06" }
            }
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("shelter", body.GetProperty("type").GetString());
        Assert.Equal("H2X 1Y4", body.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.False(body.GetProperty("addressIsPublic").GetBoolean());
        var registered = Assert.Single(await fixture.EventsAboutAsync(nameof(OrganizationRegistered), body.GetProperty("id").GetGuid()));
        Assert.Equal(["06", "13"], JsonDocument.Parse(registered).RootElement.GetProperty("regionsServed").EnumerateArray()
            .Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("""{"publicEmail":"pas-un-courriel"}""", "publicEmail", "invalid-email")]
    [InlineData("""{"publicPhone":"555-01"}""", "publicPhone", "invalid-format")]
    [InlineData("""{"website":"exemple point example"}""", "website", "invalid-url")]
    [InlineData("""{"regionCode":"18"}""", "regionCode", "invalid-format")]
    [InlineData("""{"regionsServed":["05","19"]}""", "regionsServed[1]", "invalid-format")]
    [InlineData("""{"regionsServed":["05","05"]}""", "regionsServed[1]", "duplicate")]
    [InlineData("""{"languagesServed":["français"]}""", "languagesServed[0]", "invalid-format")]
    [InlineData("""{"address":{"street":"1 rue","city":"Laval","postalCode":"12345"}}""", "address.postalCode", "invalid-format")]
    [InlineData("""{"address":{"city":"Laval","postalCode":"H7N 1A1"}}""", "address.street", "required")]
    [InlineData("""{"type":"church"}""", "type", "invalid-type")]
    [InlineData("""{"focusAreas":["drugs"]}""", "focusAreas[0]", "invalid-type")]
    public async Task Create_WithABadField_Returns400NamingIt(string fields, string field, string code)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var json = $$"""{"legalName":"{{UniqueName("Maison Invalide")}}",{{fields[1..]}}""";

        using var response = await staff.PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var error), $"no error for {field}: {errors}");
        Assert.Equal(code, error[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("+15145550199")]
    [InlineData("514-555-0199")]
    [InlineData("1 (819) 555-0199 ext. 4")]
    public async Task Create_WithAPhoneInAnAcceptedFormat_Returns201(string phone)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.PostJsonAsync(JsonSerializer.Serialize(new { legalName = UniqueName("Maison Téléphone"), publicPhone = phone }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Create_AShelterPublishingItsAddress_Returns422()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.PostJsonAsync(JsonSerializer.Serialize(new
        {
            legalName = UniqueName("Refuge Public"),
            type = "shelter",
            address = new { street = "1 rue Principale", city = "Laval", postalCode = "H7N 1A1" },
            addressIsPublic = true,
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("shelter-address-private", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Create_SameLegalNameWithOtherAccentsPunctuationAndCase_Returns409Duplicate()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var first = await staff.PostJsonAsync(JsonSerializer.Serialize(new { legalName = $"Maison l'Étoile-du-Nord {suffix}" }));

        using var second = await staff.PostJsonAsync(JsonSerializer.Serialize(new { legalName = $"MAISON L ETOILE, DU NORD! {suffix}" }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("duplicate", await second.CodeAsync());
    }

    [Fact]
    public async Task WithheldAddress_IsSeenByStaffAndTheOwnPortal_NotByAnIntegrator()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var portalA = fixture.CreateClient(TestCaller.PortalA);
        using var integrator = fixture.CreateClient(TestCaller.Integrator);
        var location = $"{OrganizationsEndpointsTests.Prefix}/{CQCTP.Security.DevelopmentClients.OrganizationA}";
        using var before = await staff.GetAsync(location);
        using var patched = await staff.PatchAsync(location, before.Headers.ETag!,
            """{"address":{"street":"2 rue Cachée","city":"Montréal","postalCode":"H2X 1Y4"},"addressIsPublic":false}""");

        var asStaff = await staff.GetFromJsonAsync<JsonElement>(location);
        var asPortal = await portalA.GetFromJsonAsync<JsonElement>(location);
        var asIntegrator = await integrator.GetFromJsonAsync<JsonElement>(location);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("2 rue Cachée", asStaff.GetProperty("address").GetProperty("street").GetString());
        Assert.Equal("2 rue Cachée", asPortal.GetProperty("address").GetProperty("street").GetString());
        Assert.Equal(JsonValueKind.Null, asIntegrator.GetProperty("address").ValueKind);
    }

    [Fact]
    public async Task Patch_PublishesProfileUpdated_AndAStalePatchPublishesNothing()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, etag, id) = await staff.CreateOrganizationAsync(UniqueName("Maison Mise à jour"));

        using var first = await staff.PatchAsync(location, etag, """{"regionsServed":["01","02"]}""");
        using var stale = await staff.PatchAsync(location, etag, """{"regionsServed":["03"]}""");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var updated = Assert.Single(await fixture.EventsAboutAsync(nameof(OrganizationProfileUpdated), id));
        Assert.Contains("\"02\"", updated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FiltersByStatusTypeAndRegionServed()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var name = UniqueName("Clinique Filtre");
        using var created = await staff.PostJsonAsync(
            $$"""{"legalName":"{{name}}","type":"legalClinic","regionCode":"05","regionsServed":["16"]}""");
        var search = Uri.EscapeDataString(name);

        var matching = await staff.GetFromJsonAsync<JsonElement>($"{OrganizationsEndpointsTests.Prefix}?search={search}&status=pending&type=legalClinic&region=16");
        var otherRegion = await staff.GetFromJsonAsync<JsonElement>($"{OrganizationsEndpointsTests.Prefix}?search={search}&region=17");
        var otherStatus = await staff.GetFromJsonAsync<JsonElement>($"{OrganizationsEndpointsTests.Prefix}?search={search}&status=active");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, matching.GetProperty("total").GetInt32());
        Assert.Equal(0, otherRegion.GetProperty("total").GetInt32());
        Assert.Equal(0, otherStatus.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("status=actif", "status")]
    [InlineData("type=Shelter", "type")]
    [InlineData("membershipType=gold", "membershipType")]
    [InlineData("region=18", "region")]
    public async Task List_WithAnUnknownFilterValue_Returns400NamingTheParameter(string query, string parameter)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.GetAsync($"{OrganizationsEndpointsTests.Prefix}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), errors.ToString());
    }
}
