using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Membership.Tests;

/// <summary>The anonymous directory over real PostgreSQL: the fr_unaccent search, the filters, and what it withholds.</summary>
[Collection(MembershipCollection.Name)]
public sealed class DirectoryEndpointsTests(MembershipFixture fixture)
{
    private const string Directory = "/api/v1/membership/directory";

    [Fact]
    public async Task Search_ByRegionCategoryAndUnaccentedText_FindsTheAccentedService()
    {
        var token = DirectoryTestData.Token();
        var organization = await fixture.CreateOrganizationAsync($"Maison Refuge {token}", active: true);
        var service = await fixture.CreateServiceAsync(organization, PublicService("shelter", "") with
        {
            Name = new NameBody($"Hébergement d'urgence {token}", $"Emergency shelter {token}"),
            RegionCodes = ["05", "16"],
        });
        using var anonymous = fixture.CreateClient(null);

        var found = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q=hebergement%20{token}&region=05&category=shelter");
        var otherRegion = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q=hebergement%20{token}&region=06");
        var otherCategory = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q={token}&category=legal-support");

        var entry = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(service, entry.GetProperty("serviceId").GetGuid());
        Assert.Equal(organization, entry.GetProperty("organization").GetProperty("id").GetGuid());
        Assert.Equal("Hébergement", entry.GetProperty("category").GetProperty("label").GetProperty("fr").GetString());
        Assert.Equal(0, otherRegion.GetProperty("total").GetInt32());
        Assert.Equal(0, otherCategory.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_ByAnOrganizationsName_FindsItsServices()
    {
        var token = DirectoryTestData.Token();
        var organization = await fixture.CreateOrganizationAsync($"Centre Éclaircie {token}", active: true);
        var service = await fixture.CreateServiceAsync(organization, PublicService("legal-support", "Accompagnement juridique"));
        using var anonymous = fixture.CreateClient(null);

        var found = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q=eclaircie%20{token}");

        var entry = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(service, entry.GetProperty("serviceId").GetGuid());
    }

    [Fact]
    public async Task Search_AfterTheOrganizationIsRenamed_FindsItsServicesByTheNewNameOnly()
    {
        var token = DirectoryTestData.Token();
        var organization = await fixture.CreateOrganizationAsync($"Centre Ancien {token}", active: true);
        var service = await fixture.CreateServiceAsync(organization, PublicService("legal-support", "Accompagnement juridique"));
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var current = await staff.GetAsync($"/api/v1/membership/organizations/{organization}");
        using var renamed = await staff.PatchAsync($"/api/v1/membership/organizations/{organization}", current.Headers.ETag!,
            $$"""{ "legalName": "Centre Nouveau {{token}}" }""");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        using var anonymous = fixture.CreateClient(null);

        var byNewName = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q=nouveau%20{token}");
        var byOldName = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q=ancien%20{token}");

        Assert.Equal(service, Assert.Single(byNewName.GetProperty("items").EnumerateArray()).GetProperty("serviceId").GetGuid());
        Assert.Empty(byOldName.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Search_ShowsOnlyPublicServicesOfActiveMembers()
    {
        var token = DirectoryTestData.Token();
        var active = await fixture.CreateOrganizationAsync($"Organisme Actif {token}", active: true);
        var pending = await fixture.CreateOrganizationAsync($"Organisme En Attente {token}", active: false);
        var shown = await fixture.CreateServiceAsync(active, PublicService("health", $"Soins {token}"));
        await fixture.CreateServiceAsync(active, PublicService("health", $"Soins {token}") with { IsPublic = false });
        await fixture.CreateServiceAsync(pending, PublicService("health", $"Soins {token}"));
        using var anonymous = fixture.CreateClient(null);

        var found = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q={token}&pageSize=100");

        var ids = found.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("serviceId").GetGuid());
        Assert.Equal([shown], ids);
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_AfterTheMemberIsSuspended_NoLongerShowsItsServices()
    {
        var token = DirectoryTestData.Token();
        var organization = await fixture.CreateOrganizationAsync($"Organisme Suspendu {token}", active: true);
        var service = await fixture.CreateServiceAsync(organization, PublicService("health", $"Soins {token}"));
        using var anonymous = fixture.CreateClient(null);
        var before = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q={token}");
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var current = await staff.GetAsync($"/api/v1/membership/organizations/{organization}");

        using var suspended = await staff.PostAsync($"/api/v1/membership/organizations/{organization}/suspend", "{}",
            current.Headers.ETag!);
        // Another query string: the directory's output cache would answer the same one with the earlier page.
        var after = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q={token}&pageSize=50");

        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal(service, Assert.Single(before.GetProperty("items").EnumerateArray()).GetProperty("serviceId").GetGuid());
        Assert.Empty(after.GetProperty("items").EnumerateArray());
        Assert.Equal(0, after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_EntryHoldsOnlyPublicFields()
    {
        var token = DirectoryTestData.Token();
        var organization = await fixture.CreateOrganizationAsync($"Maison Publique {token}", active: true,
            publicEmail: $"info-{token}@maison.example");
        await fixture.CreateServiceAsync(organization, PublicService("housing", $"Logement {token}"));
        using var anonymous = fixture.CreateClient(null);

        var found = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q={token}");

        var entry = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(
            ["serviceId", "name", "category", "eligibility", "regionCodes", "languages", "focus", "organization"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["id", "legalName", "commonName", "regionCode", "website", "publicEmail", "publicPhone", "address"],
            entry.GetProperty("organization").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Search_ShowsAPublishedAddress_ButNeverAWithheldOne()
    {
        var token = DirectoryTestData.Token();
        var published = await AddressedMemberAsync($"Centre Ouvert {token}", isPublic: true);
        var withheld = await AddressedMemberAsync($"Refuge Discret {token}", isPublic: false);
        await fixture.CreateServiceAsync(published, PublicService("legal-support", $"Juridique {token}"));
        await fixture.CreateServiceAsync(withheld, PublicService("shelter", $"Hébergement {token}"));
        using var anonymous = fixture.CreateClient(null);

        var found = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q={token}&pageSize=100");

        var addresses = found.GetProperty("items").EnumerateArray().ToDictionary(
            e => e.GetProperty("organization").GetProperty("id").GetGuid(),
            e => e.GetProperty("organization").GetProperty("address"));
        Assert.Equal("12 rue Ouverte", addresses[published].GetProperty("street").GetString());
        Assert.Equal(JsonValueKind.Null, addresses[withheld].ValueKind);
        Assert.DoesNotContain("rue Discrète", found.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<Guid> AddressedMemberAsync(string legalName, bool isPublic)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var now = DateTimeOffset.UtcNow;
        var street = isPublic ? "12 rue Ouverte" : "34 rue Discrète";
        var organization = Organization.Register(new OrganizationDetails(legalName, null, "06", null, null, null,
            Address: new PostalAddress(street, "Montréal", "H2X 1Y4", "06"), AddressIsPublic: isPublic), now);
        organization.Activate(MembershipType.Regular, new MembershipDecision(null, Organization.Today(now), "test", now));
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    }

    [Fact]
    public async Task Search_WithoutText_SortsOrganizationNamesTheFrenchWay()
    {
        var token = DirectoryTestData.Token();
        var category = await CreateCategoryAsync(token);
        var zoe = await fixture.CreateOrganizationAsync($"Zoé {token}", active: true);
        var ecole = await fixture.CreateOrganizationAsync($"École {token}", active: true);
        var abri = await fixture.CreateOrganizationAsync($"abri {token}", active: true);
        await fixture.CreateServiceAsync(zoe, PublicService(category, "Service"));
        await fixture.CreateServiceAsync(ecole, PublicService(category, "Service"));
        await fixture.CreateServiceAsync(abri, PublicService(category, "Service"));
        using var anonymous = fixture.CreateClient(null);

        var found = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?category={category}");

        var names = found.GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("organization").GetProperty("legalName").GetString());
        Assert.Equal([$"abri {token}", $"École {token}", $"Zoé {token}"], names);
    }

    [Fact]
    public async Task Search_PageByPage_ReturnsEveryMatchOnceInOrder_WithTheSameTotalOnEachPage()
    {
        var token = DirectoryTestData.Token();
        string[] names = [$"Zoé {token}", $"École {token}", $"abri {token}", $"Maison {token}", $"Écho {token}"];
        var services = new Dictionary<string, Guid>();
        foreach (var name in names)
        {
            var organization = await fixture.CreateOrganizationAsync(name, active: true);
            services[name] = await fixture.CreateServiceAsync(organization, PublicService("health", $"Accueil {token}"));
        }

        using var anonymous = fixture.CreateClient(null);

        var pages = new List<JsonElement>();
        for (var number = 1; number <= 4; number++)
        {
            pages.Add(await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q={token}&pageSize=2&page={number}"));
        }

        // Equal ranks (the same words in the same places), so the French order of the legal names decides.
        string[] expected = [$"abri {token}", $"Écho {token}", $"École {token}", $"Maison {token}", $"Zoé {token}"];
        Assert.Equal(expected.Select(n => services[n]),
            pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(e => e.GetProperty("serviceId").GetGuid()));
        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        // The fourth page is past the last: empty, and its total still counts every match.
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task Search_WithText_RanksTheCloserMatchFirst_BeforeTheNameOrder()
    {
        var token = DirectoryTestData.Token();
        var first = await fixture.CreateOrganizationAsync($"Abri {token}", active: true);
        var second = await fixture.CreateOrganizationAsync($"Zoé {token}", active: true);
        var weaker = await fixture.CreateServiceAsync(first, PublicService("legal-support", $"Accompagnement {token}"));
        var closer = await fixture.CreateServiceAsync(second, PublicService("legal-support", $"Accompagnement juridique {token}") with
        {
            Eligibility = new NameBody("Accompagnement juridique pour toute personne.", null),
        });
        using var anonymous = fixture.CreateClient(null);

        var found = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q=accompagnement%20juridique%20{token}");
        var byToken = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q=accompagnement%20{token}");

        Assert.Equal([closer], found.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("serviceId").GetGuid()));
        Assert.Equal([closer, weaker],
            byToken.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("serviceId").GetGuid()));
        Assert.Equal(2, byToken.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_ByFocusAndLanguage_FiltersOnTheService()
    {
        var token = DirectoryTestData.Token();
        var organization = await fixture.CreateOrganizationAsync($"Travail Digne {token}", active: true);
        var service = await fixture.CreateServiceAsync(organization,
            PublicService("employment", $"Emploi {token}") with { Focus = ["forcedLabour"], Languages = ["es", "fr"] });
        using var anonymous = fixture.CreateClient(null);

        var forcedLabour = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q={token}&focus=forcedLabour&language=es");
        var sexualExploitation = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q={token}&focus=sexualExploitation");
        var english = await anonymous.GetFromJsonAsync<JsonElement>($"{Directory}?q={token}&language=en");

        Assert.Equal(service, Assert.Single(forcedLabour.GetProperty("items").EnumerateArray()).GetProperty("serviceId").GetGuid());
        Assert.Equal(0, sexualExploitation.GetProperty("total").GetInt32());
        Assert.Equal(0, english.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_Anonymous_MayBeKeptBySharedCachesForAFewSeconds()
    {
        using var anonymous = fixture.CreateClient(null);

        using var response = await anonymous.GetAsync($"{Directory}?q={DirectoryTestData.Token()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromSeconds(new DirectorySettings().CacheSeconds), cacheControl.MaxAge);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("region=18", "region", "invalid-format")]
    [InlineData("category=no-such-category", "category", "invalid-value")]
    [InlineData("language=FRA", "language", "invalid-format")]
    [InlineData("focus=trafficking", "focus", "invalid-format")]
    [InlineData("pageSize=101", "pageSize", "out-of-range")]
    public async Task Search_WithABadParameter_Returns400NamingIt(string query, string field, string code)
    {
        using var anonymous = fixture.CreateClient(null);

        using var response = await anonymous.GetAsync($"{Directory}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("errors").GetProperty(field)[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Search_WithTooLongText_Returns400()
    {
        using var anonymous = fixture.CreateClient(null);

        using var response = await anonymous.GetAsync($"{Directory}?q={new string('a', 201)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("too-long", body.GetProperty("errors").GetProperty("q")[0].GetProperty("code").GetString());
    }

    private async Task<string> CreateCategoryAsync(string token)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var code = $"test-{token}";
        using var created = await staff.SendWithBodyAsync(HttpMethod.Post, "/api/v1/membership/service-categories",
            new { code, label = new { fr = $"Catégorie {token}" } }, idempotent: true);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return code;
    }

    private static ServiceBody PublicService(string category, string name) => new()
    {
        Category = category,
        Name = new NameBody(name, null),
        RegionCodes = ["05"],
        Languages = ["fr"],
        Focus = ["sexualExploitation", "forcedLabour"],
        IsPublic = true,
    };
}
