using System.Net.Http.Json;
using System.Text.Json;

namespace CQCTP.Membership.Tests;

/// <summary>The OpenAPI document tells front ends the truth about delegates: nullable contacts, event spellings, 404s.</summary>
[Collection(MembershipCollection.Name)]
public sealed class PeopleOpenApiTests(MembershipFixture fixture)
{
    [Fact]
    public async Task OpenApi_DocumentsTheNewRoutes_NullableContacts_AndTheRoleSpelling()
    {
        using var anonymous = fixture.CreateClient(null);

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/membership/openapi/v1.json");

        var paths = document.GetProperty("paths");
        var get = paths.GetProperty("/api/v1/membership/organizations/{organizationId}/delegates/{id}").GetProperty("get");
        Assert.True(get.GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.TryGetProperty("/api/v1/membership/members-directory", out _));
        Assert.True(paths.TryGetProperty("/api/v1/membership/committees/{id}/members/{delegateId}", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var email = schemas.GetProperty("DelegateResponse").GetProperty("properties").GetProperty("email");
        Assert.Contains("null", email.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("agm-delegate", schemas.GetProperty("DelegateRole").GetRawText(), StringComparison.Ordinal);
    }
}
