using System.Net;
using CQCTP.Security;

namespace CQCTP.Membership.Tests;

/// <summary>The members-only directory: only consenting delegates, only the contact fields they chose, French order.</summary>
[Collection(MembershipCollection.Name)]
public sealed class MembersDirectoryTests(MembershipFixture fixture)
{
    private const string Directory = "/api/v1/membership/members-directory";

    [Fact]
    public async Task AnotherOrganizationsPortal_SeesOnlyListedDelegates_WithTheContactFieldsTheyChose()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var token = PeopleRequests.Token();
        var listed = await CreateAsync(staff, DevelopmentClients.OrganizationA, $"Listée {token}");
        await CreateAsync(staff, DevelopmentClients.OrganizationA, $"Discrète {token}");
        using var consent = await staff.SendJsonAsync(HttpMethod.Post, $"{listed}/consents",
            new { purpose = "directory-listing", textVersion = "repertoire-v1", showEmail = true, showPhone = false });
        using var portalB = fixture.CreateClient(TestCaller.PortalB);

        var page = await (await portalB.GetAsync($"{Directory}?name={token}")).JsonAsync();

        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal($"Listée {token}", entry.GetProperty("fullName").GetString());
        Assert.Equal(DevelopmentClients.OrganizationA, entry.GetProperty("organizationId").GetGuid());
        Assert.Equal("06", entry.GetProperty("regionCode").GetString());
        Assert.EndsWith("@organisme.example", entry.GetProperty("email").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entry.GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task Staff_SeeTheSameDirectory_AndAWithdrawnListingLeavesIt()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var token = PeopleRequests.Token();
        var location = await CreateAsync(staff, DevelopmentClients.OrganizationB, $"Retirée {token}");
        using var consent = await staff.SendJsonAsync(HttpMethod.Post, $"{location}/consents",
            new { purpose = "directory-listing", textVersion = "repertoire-v1" });
        var listedBefore = await (await staff.GetAsync($"{Directory}?name={token}")).JsonAsync();
        using var current = await staff.GetAsync(location);

        using var withdrawn = await staff.SendAsync(HttpMethod.Post, $"{location}/consents/directory-listing/withdraw",
            current.Headers.ETag!);

        var entry = Assert.Single(listedBefore.GetProperty("items").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entry.GetProperty("email").ValueKind);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var after = await (await staff.GetAsync($"{Directory}?name={token}")).JsonAsync();
        Assert.Empty(after.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Directory_SortsNamesTheFrenchWay_AndFiltersByOrganization()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var token = PeopleRequests.Token();
        foreach (var name in new[] { $"Zoé {token}", $"Émilie {token}", $"Eve {token}" })
        {
            var location = await CreateAsync(staff, DevelopmentClients.OrganizationA, name);
            using var consent = await staff.SendJsonAsync(HttpMethod.Post, $"{location}/consents",
                new { purpose = "directory-listing", textVersion = "repertoire-v1" });
        }

        using var portalA = fixture.CreateClient(TestCaller.PortalA);
        var page = await (await portalA.GetAsync($"{Directory}?name={token}")).JsonAsync();
        var inB = await (await portalA.GetAsync($"{Directory}?name={token}&organizationId={DevelopmentClients.OrganizationB}")).JsonAsync();

        Assert.Equal([$"Émilie {token}", $"Eve {token}", $"Zoé {token}"],
            page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("fullName").GetString()));
        Assert.Empty(inB.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Integrator_IsRefused403()
    {
        using var integrator = fixture.CreateClient(TestCaller.Integrator);

        using var response = await integrator.GetAsync(Directory);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<string> CreateAsync(HttpClient staff, Guid organizationId, string name)
    {
        using var created = await staff.SendJsonAsync(HttpMethod.Post, PeopleRequests.Delegates(organizationId),
            PeopleRequests.Delegate(name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.Location!.ToString();
    }
}
