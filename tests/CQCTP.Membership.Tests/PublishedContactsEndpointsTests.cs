using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CQCTP.Membership.Tests;

/// <summary>The staff-managed allowlist of published organizational contacts.</summary>
[Collection(MembershipCollection.Name)]
public sealed class PublishedContactsEndpointsTests(MembershipFixture fixture)
{
    private const string Prefix = "/api/v1/membership/published-contacts";

    [Fact]
    public async Task Create_StoresTheNormalizedValue_AndTheSameContactSpeltOtherwiseIs409()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var token = DirectoryTestData.Token();

        using var created = await staff.SendWithBodyAsync(HttpMethod.Post, Prefix,
            new { value = $"Aide-{token}@Ligne.example", label = new { fr = "Boîte partagée" } }, idempotent: true);
        using var again = await staff.SendWithBodyAsync(HttpMethod.Post, Prefix,
            new { value = $"aide-{token}@ligne.EXAMPLE", label = new { fr = "Doublon" } }, idempotent: true);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"aide-{token}@ligne.example",
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("normalizedValue").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("duplicate", await DirectoryTestData.CodeAsync(again));
    }

    [Fact]
    public async Task Create_ValueThatIsNoContact_Returns422()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.SendWithBodyAsync(HttpMethod.Post, Prefix,
            new { value = "pas un contact", label = new { fr = "Rien" } }, idempotent: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("not-a-contact", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Read_IsForStaffOnly()
    {
        using var integrator = fixture.CreateClient(TestCaller.Integrator);
        using var portal = fixture.CreateClient(TestCaller.PortalA);
        using var anonymous = fixture.CreateClient(null);

        using var asIntegrator = await integrator.GetAsync(Prefix);
        using var asPortal = await portal.GetAsync(Prefix);
        using var asAnonymous = await anonymous.GetAsync(Prefix);

        Assert.Equal(HttpStatusCode.Forbidden, asIntegrator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asPortal.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asAnonymous.StatusCode);
    }

    [Fact]
    public async Task OrganizationDescription_MayPrintItsOwnPublicEmail_ButNotAnother()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var token = DirectoryTestData.Token();
        var email = $"info-{token}@maison.example";

        using var own = await staff.PostJsonAsync(JsonSerializer.Serialize(new
        {
            legalName = $"Maison Contact {token}",
            publicEmail = email,
            description = new { fr = $"Pour nous joindre : {email.ToUpperInvariant()}" },
        }));
        using var other = await staff.PostJsonAsync(JsonSerializer.Serialize(new
        {
            legalName = $"Maison Autre {token}",
            publicEmail = email,
            description = new { fr = $"Joindre julie-{token}@maison.example" },
        }));

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
    }
}
