using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CQCTP.Membership.Tests;

/// <summary>The privacy officer (Law 25): one resource, absent until staff set it, public once set.</summary>
[Collection(MembershipCollection.Name)]
public sealed class PrivacyOfficerEndpointsTests(MembershipFixture fixture)
{
    private const string Path = "/api/v1/membership/privacy-officer";

    // The officer is a single row, so its whole life is one test: another test could not know the state it finds.
    [Fact]
    public async Task PrivacyOfficer_Is404UntilSet_ThenPublic_AndChangesNeedTheCurrentETag()
    {
        using var anonymous = fixture.CreateClient(null);
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var officer = new
        {
            name = "Sophie Gagnon",
            title = new { fr = "Responsable de la protection des renseignements personnels", en = "Privacy officer" },
            email = "vie-privee@cqctp.example",
            phone = "514 555-0100",
        };

        using var before = await anonymous.GetAsync(Path);
        using var withoutIfMatch = await staff.SendWithBodyAsync(HttpMethod.Put, Path, officer);
        using var withATag = await staff.SendWithBodyAsync(HttpMethod.Put, Path, officer, new EntityTagHeaderValue("\"x\""));
        using var set = await staff.SendWithBodyAsync(HttpMethod.Put, Path, officer, EntityTagHeaderValue.Any);
        using var read = await anonymous.GetAsync(Path);
        using var stale = await staff.SendWithBodyAsync(HttpMethod.Put, Path, officer with { name = "Autre" }, new EntityTagHeaderValue("\"x\""));
        using var changed = await staff.SendWithBodyAsync(HttpMethod.Put, Path, officer with { name = "Marc Roy" }, read.Headers.ETag);
        var after = await anonymous.GetFromJsonAsync<JsonElement>(Path);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal("not-found", await DirectoryTestData.CodeAsync(before));
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, withATag.StatusCode);
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(read.Headers.ETag);
        var body = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["name", "title", "email", "phone", "updatedAt"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Marc Roy", after.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Set_ByAnIntegrator_Returns403()
    {
        using var integrator = fixture.CreateClient(TestCaller.Integrator);

        using var response = await integrator.SendWithBodyAsync(HttpMethod.Put, Path,
            new { name = "X", title = new { fr = "X" }, email = "x@cqctp.example" }, EntityTagHeaderValue.Any);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
