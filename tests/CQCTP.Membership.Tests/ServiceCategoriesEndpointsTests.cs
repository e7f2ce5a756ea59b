using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CQCTP.Membership.Tests;

/// <summary>The managed list of service categories: seeded by the migration, read by anyone, kept by staff.</summary>
[Collection(MembershipCollection.Name)]
public sealed class ServiceCategoriesEndpointsTests(MembershipFixture fixture)
{
    private const string Prefix = "/api/v1/membership/service-categories";

    [Fact]
    public async Task List_WithoutAToken_HoldsTheSeededCategoriesInBothLanguages()
    {
        using var anonymous = fixture.CreateClient(null);

        var page = await anonymous.GetFromJsonAsync<JsonElement>($"{Prefix}?pageSize=100");

        var codes = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Subset(new HashSet<string?>(codes), new HashSet<string?>
        {
            "shelter", "legal-support", "psychosocial-support", "health", "immigration", "employment", "housing",
            "material-aid", "prevention-awareness", "training",
        });
        var legal = page.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "legal-support");
        Assert.Equal("Legal support", legal.GetProperty("label").GetProperty("en").GetString());
    }

    [Fact]
    public async Task Create_ThenRename_WithTheETag_AndTheSameCodeAgainIs409()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var code = $"test-{DirectoryTestData.Token()}";

        using var created = await staff.SendWithBodyAsync(HttpMethod.Post, Prefix,
            new { code, label = new { fr = "Soutien par les pairs" } }, idempotent: true);
        using var again = await staff.SendWithBodyAsync(HttpMethod.Post, Prefix,
            new { code, label = new { fr = "Doublon" } }, idempotent: true);
        using var renamed = await staff.SendWithBodyAsync(HttpMethod.Put, $"{Prefix}/{code}",
            new { label = new { fr = "Entraide", en = "Peer support" } }, created.Headers.ETag);
        using var stale = await staff.SendWithBodyAsync(HttpMethod.Put, $"{Prefix}/{code}",
            new { label = new { fr = "Périmé" } }, created.Headers.ETag);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var anonymous = fixture.CreateClient(null);
        var stored = await anonymous.GetFromJsonAsync<JsonElement>($"{Prefix}/{code}");
        Assert.Equal("Entraide", stored.GetProperty("label").GetProperty("fr").GetString());
    }

    [Fact]
    public async Task Create_ByAPortal_Returns403_AndACodeThatIsNotKebabCaseIs400()
    {
        using var portal = fixture.CreateClient(TestCaller.PortalA);
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var asPortal = await portal.SendWithBodyAsync(HttpMethod.Post, Prefix,
            new { code = "portal-category", label = new { fr = "Non" } }, idempotent: true);
        using var badCode = await staff.SendWithBodyAsync(HttpMethod.Post, Prefix,
            new { code = "Avec Espaces", label = new { fr = "Non" } }, idempotent: true);

        Assert.Equal(HttpStatusCode.Forbidden, asPortal.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        var body = await badCode.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid-format", body.GetProperty("errors").GetProperty("code")[0].GetProperty("code").GetString());
    }
}
