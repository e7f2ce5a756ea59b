using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.ServiceDefaults;
using Xunit.Abstractions;

namespace CQCTP.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class EndToEndTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private HttpClient Gateway => fixture.Gateway;

    [Fact]
    public async Task CreateThenRead_ThroughGateway_RoundTripsThroughPostgres()
    {
        output.WriteLine($"platform started in {fixture.Platform.StartedIn.TotalSeconds:F1} s");
        var name = Http.UniqueName("Centre d'aide Étoile");

        var (created, etag) = await Gateway.CreateOrganizationAsync(name);
        var id = created.GetProperty("id").GetString();
        using var read = await Gateway.GetAsync($"{Http.Organizations}/{id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await read.ReadJsonAsync();
        Assert.Equal(name, body.GetProperty("legalName").GetString());
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.EndsWith("Z", body.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(etag, read.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task TestingEnvironment_HasNoDemoData()
    {
        var demo = await Gateway.CountOrganizationsAsync("(démo)");

        Assert.Equal(0, demo);
    }

    [Theory]
    [InlineData("membership")]
    [InlineData("concertation")]
    [InlineData("knowledge")]
    [InlineData("funding")]
    [InlineData("identity")]
    [InlineData("integrations")]
    public async Task OpenApiDocument_ThroughGateway_IsServedAnonymously(string service)
    {
        var document = await fixture.As(null).GetFromJsonAsync<JsonElement>($"/api/v1/{service}/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Contains("CQCTP", document.GetProperty("info").GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembershipOpenApi_DescribesConventionHeaders()
    {
        var document = await Gateway.GetStringAsync("/api/v1/membership/openapi/v1.json");

        Assert.Contains("\"If-Match\"", document, StringComparison.Ordinal);
        Assert.Contains("\"Idempotency-Key\"", document, StringComparison.Ordinal);
        Assert.Contains("application/merge-patch+json", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembershipOpenApi_DescribesTheOAuthSchemeOnProtectedOperations()
    {
        var document = await fixture.As(null).GetFromJsonAsync<JsonElement>("/api/v1/membership/openapi/v1.json");

        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2")
            .GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal("/connect/token", flow.GetProperty("tokenUrl").GetString());
        Assert.True(flow.GetProperty("scopes").TryGetProperty("membership.write", out _));
        var organizations = document.GetProperty("paths").EnumerateObject()
            .Single(p => p.Name.TrimEnd('/') == Http.Organizations).Value;
        var required = organizations.GetProperty("post").GetProperty("security")[0].GetProperty("oauth2");
        Assert.Equal("membership.write", Assert.Single(required.EnumerateArray()).GetString());
        Assert.True(organizations.GetProperty("post").GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task ApiReference_ListsEveryServiceDocument()
    {
        using var response = await fixture.As(null).GetAsync("/api-reference/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var service in new[] { "membership", "concertation", "knowledge", "funding", "integrations" })
        {
            Assert.Contains($"api/v1/{service}/openapi/v1.json", page, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/asyncapi.json\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResourceNames.MembershipApi)]
    [InlineData(ResourceNames.ConcertationApi)]
    [InlineData(ResourceNames.KnowledgeApi)]
    [InlineData(ResourceNames.FundingApi)]
    [InlineData(ResourceNames.IdentityApi)]
    [InlineData(ResourceNames.IntegrationsApi)]
    public async Task Service_Health_ReportsEachDependencyByStatusOnly(string service)
    {
        var client = fixture.As(null, service);

        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        var alive = await client.GetStringAsync("/alive");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetString());
        Assert.Equal("Healthy", checks.GetProperty("broker").GetString());
        // Names and statuses only: nothing an anonymous caller could learn more from.
        Assert.All(checks.EnumerateObject(), c => Assert.Equal(JsonValueKind.String, c.Value.ValueKind));
        Assert.Equal("Healthy", alive);
    }
}
