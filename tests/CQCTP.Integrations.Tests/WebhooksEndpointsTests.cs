using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Integrations.Api.Endpoints;
using static CQCTP.Integrations.Tests.WebhookRequests;

namespace CQCTP.Integrations.Tests;

/// <summary>Registering webhooks: the secret once, its owner only, and a ProblemDetails for each bad input.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class WebhooksEndpointsTests(IntegrationsFixture fixture)
{
    private static readonly string[] Registered = ["OrganizationRegistered"];
    private static readonly string[] Activated = ["MembershipActivated"];

    private static Uri LocalUrl(string path) => new($"http://127.0.0.1:9/{path}/{Guid.NewGuid():N}");

    [Fact]
    public async Task Create_ReturnsTheSecretOnce_WithETagAndLocation()
    {
        using var client = fixture.CreateClient(NewIntegrator());

        using var response = await CreateAsync(client, new { url = LocalUrl("created").AbsoluteUri, eventTypes = Registered });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("subscription").GetProperty("id").GetGuid();
        using var read = await client.GetAsync($"{WebhooksEndpoints.Prefix}/{id}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal($"{WebhooksEndpoints.Prefix}/{id}", response.Headers.Location?.ToString());
        Assert.StartsWith("whsec_", body.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(body.GetProperty("secret").GetString()!["whsec_".Length..]).Length);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain("secret", await read.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("NoSuchEvent")]
    [InlineData("ConsentGiven")]
    public async Task Create_WithAnUnknownOrPersonalEventType_Returns400_NamingTheField(string eventType)
    {
        using var client = fixture.CreateClient(NewIntegrator());

        using var response = await CreateAsync(client, new { url = LocalUrl("types").AbsoluteUri, eventTypes = (string[])["OrganizationRegistered", eventType] });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unknown-event-type", problem.GetProperty("errors").GetProperty("eventTypes[1]")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::ffff:192.168.1.1]/hook")]
    [InlineData("http://127.0.0.2/hook")]
    public async Task Create_ToAPrivateAddress_Returns422_BeforeAnyConnection(string url)
    {
        using var client = fixture.CreateClient(NewIntegrator());

        using var response = await CreateAsync(client, new { url, eventTypes = Registered });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(WebhooksEndpoints.AddressRefused, problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Create_SameUrlTwice_Returns409Duplicate()
    {
        using var client = fixture.CreateClient(NewIntegrator());
        var url = LocalUrl("twice").AbsoluteUri;
        using var first = await CreateAsync(client, new { url, eventTypes = Registered });

        using var second = await CreateAsync(client, new { url, eventTypes = Activated });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("duplicate", await CodeAsync(second));
    }

    [Fact]
    public async Task AnotherClientsSubscription_Is404_ForEveryRoute()
    {
        using var owner = fixture.CreateClient(NewIntegrator());
        using var other = fixture.CreateClient(NewIntegrator());
        var (id, _) = await RegisterAsync(owner, LocalUrl("mine"), "OrganizationRegistered");

        using var get = await other.GetAsync($"{WebhooksEndpoints.Prefix}/{id}");
        using var deliveries = await other.GetAsync($"{WebhooksEndpoints.Prefix}/{id}/deliveries");
        using var delete = await other.DeleteAsync($"{WebhooksEndpoints.Prefix}/{id}");
        var list = await other.GetFromJsonAsync<JsonElement>(WebhooksEndpoints.Prefix);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deliveries.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"{WebhooksEndpoints.Prefix}/{id}")).StatusCode);
    }

    [Fact]
    public async Task WithoutTheScope_Returns403_AndWithoutAToken_401()
    {
        // A member's portal: staff now holds integrations.manage too (webhooks of its own).
        using var portal = fixture.CreateClient(TestCaller.PortalA);
        using var anonymous = fixture.CreateClient(null);

        using var forbidden = await portal.GetAsync(WebhooksEndpoints.Prefix);
        using var unauthorized = await anonymous.GetAsync(WebhooksEndpoints.Prefix);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task Replace_NeedsIfMatch_412WhenStale_AndRotateGivesANewSecret()
    {
        using var client = fixture.CreateClient(NewIntegrator());
        using var created = await CreateAsync(client, new { url = LocalUrl("replace").AbsoluteUri, eventTypes = Registered });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("subscription").GetProperty("id").GetGuid();
        var path = $"{WebhooksEndpoints.Prefix}/{id}";
        var replacement = new { url = LocalUrl("replaced").AbsoluteUri, eventTypes = Activated };

        using var missing = await client.PutAsJsonAsync(path, replacement);
        using var stale = await SendAsync(client, HttpMethod.Put, path, "\"999\"", replacement);
        using var replaced = await SendAsync(client, HttpMethod.Put, path, created.Headers.ETag!.Tag, replacement);
        using var rotated = await SendAsync(client, HttpMethod.Post, $"{path}/rotate-secret", replaced.Headers.ETag!.Tag, null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(["MembershipActivated"], (await replaced.Content.ReadFromJsonAsync<WebhookResponse>())!.EventTypes);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var secret = (await rotated.Content.ReadFromJsonAsync<WebhookSecretResponse>())!.Secret;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.NotEqual(body.GetProperty("secret").GetString(), secret);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheWebhookRoutes()
    {
        using var client = fixture.CreateClient(null);

        var document = await client.GetFromJsonAsync<JsonElement>("/api/v1/integrations/openapi/v1.json");
        var create = document.GetProperty("paths").GetProperty(WebhooksEndpoints.Prefix).GetProperty("post");

        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("409", out _));
        Assert.Contains(" / ", create.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string etag,
        object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }
}
