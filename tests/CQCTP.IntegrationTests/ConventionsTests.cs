using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CQCTP.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class ConventionsTests(PlatformFixture fixture)
{
    private HttpClient Gateway => fixture.Gateway;

    [Fact]
    public async Task CreateOrganization_WithEmptyBody_Returns400InFrenchAndWritesNothing()
    {
        var before = await TotalAsync();

        using var response = await Gateway.SendAsync(Http.Json(HttpMethod.Post, Http.Organizations, new { }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("validation-failed", problem.GetProperty("code").GetString());
        Assert.Equal("urn:cqctp:problem:validation-failed", problem.GetProperty("type").GetString());
        Assert.Equal("La requête contient des champs invalides.", problem.GetProperty("title").GetString());
        var legalName = problem.GetProperty("errors").GetProperty("legalName")[0];
        Assert.Equal("required", legalName.GetProperty("code").GetString());
        Assert.Equal("Ce champ est obligatoire.", legalName.GetProperty("message").GetString());
        Assert.Equal(before, await TotalAsync());
    }

    [Fact]
    public async Task CreateOrganization_WithEmptyBodyInEnglish_Returns400InEnglish()
    {
        using var response = await Gateway.SendAsync(Http.Json(HttpMethod.Post, Http.Organizations, new { }, language: "en"));

        var problem = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request has invalid fields.", problem.GetProperty("title").GetString());
        Assert.Equal("This field is required.",
            problem.GetProperty("errors").GetProperty("legalName")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task CreateOrganization_WithSeveralBadFields_ReportsEachWithCamelCaseKeysAndCodes()
    {
        var body = new
        {
            legalName = new string('x', 201),
            regionCode = "18",
            publicEmail = "pas-un-courriel",
            website = "javascript:alert(1)",
            description = new { en = "only English" },
        };

        using var response = await Gateway.SendAsync(Http.Json(HttpMethod.Post, Http.Organizations, body));

        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("too-long", Code(errors, "legalName"));
        Assert.Equal("invalid-format", Code(errors, "regionCode"));
        Assert.Equal("invalid-email", Code(errors, "publicEmail"));
        Assert.Equal("invalid-url", Code(errors, "website"));
        Assert.Equal("required", Code(errors, "description.fr"));
    }

    [Fact]
    public async Task CreateOrganization_WithWrongJsonType_Returns400MalformedNamingTheField()
    {
        using var response = await Gateway.SendAsync(Http.Json(HttpMethod.Post, Http.Organizations, "{\"legalName\": 42}"));

        var problem = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed-request", problem.GetProperty("code").GetString());
        Assert.Equal("invalid-type", Code(problem.GetProperty("errors"), "legalName"));
    }

    [Fact]
    public async Task CreateOrganization_WithBrokenJson_Returns400Malformed()
    {
        using var response = await Gateway.SendAsync(Http.Json(HttpMethod.Post, Http.Organizations, "{\"legalName\": "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed-request", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateOrganization_AsPlainText_Returns415()
    {
        using var response = await Gateway.SendAsync(
            Http.Json(HttpMethod.Post, Http.Organizations, "{\"legalName\":\"x\"}", contentType: "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported-media-type", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateOrganization_WithTakenLegalName_Returns409Duplicate()
    {
        var name = Http.UniqueName("Maison unique");
        await Gateway.CreateOrganizationAsync(name);

        using var response = await Gateway.SendAsync(
            Http.Json(HttpMethod.Post, Http.Organizations, new { legalName = "  " + name.ToUpperInvariant() }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("duplicate", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateOrganization_SameIdempotencyKeyAndBody_ReturnsFirstResultOnce()
    {
        var name = Http.UniqueName("Idempotent");
        var key = Guid.NewGuid().ToString();

        using var first = await Gateway.SendAsync(WithKey(Http.Json(HttpMethod.Post, Http.Organizations, new { legalName = name }), key));
        using var second = await Gateway.SendAsync(WithKey(Http.Json(HttpMethod.Post, Http.Organizations, new { legalName = name }), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal((await first.ReadJsonAsync()).GetProperty("id").GetString(),
            (await second.ReadJsonAsync()).GetProperty("id").GetString());
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await Gateway.CountOrganizationsAsync(name));
    }

    [Fact]
    public async Task CreateOrganization_SameIdempotencyKeyOtherBody_Returns422()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await Gateway.SendAsync(
            WithKey(Http.Json(HttpMethod.Post, Http.Organizations, new { legalName = Http.UniqueName("Premier") }), key));
        var other = Http.UniqueName("Second");

        using var second = await Gateway.SendAsync(
            WithKey(Http.Json(HttpMethod.Post, Http.Organizations, new { legalName = other }), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("idempotency-key-reused", (await second.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, await Gateway.CountOrganizationsAsync(other));
    }

    [Fact]
    public async Task CreateOrganization_RefusedThenCorrectedWithSameKey_Succeeds()
    {
        var key = Guid.NewGuid().ToString();
        using var refused = await Gateway.SendAsync(WithKey(Http.Json(HttpMethod.Post, Http.Organizations, new { }), key));

        using var corrected = await Gateway.SendAsync(
            WithKey(Http.Json(HttpMethod.Post, Http.Organizations, new { legalName = Http.UniqueName("Corrigé") }), key));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [Fact]
    public async Task UpdateOrganization_WithoutIfMatch_Returns428()
    {
        var (created, _) = await Gateway.CreateOrganizationAsync(Http.UniqueName("Sans If-Match"));

        using var response = await Gateway.SendAsync(
            Http.Json(HttpMethod.Put, Url(created), new { legalName = Http.UniqueName("Renommé") }));

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("precondition-required", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task UpdateOrganization_WithStaleETag_Returns412AndKeepsTheOtherChange()
    {
        var (created, etag) = await Gateway.CreateOrganizationAsync(Http.UniqueName("Concurrence"));
        var winner = Http.UniqueName("Gagnant");
        using var firstUpdate = await Gateway.SendAsync(
            WithIfMatch(Http.Json(HttpMethod.Put, Url(created), new { legalName = winner }), etag));

        using var staleUpdate = await Gateway.SendAsync(
            WithIfMatch(Http.Json(HttpMethod.Put, Url(created), new { legalName = Http.UniqueName("Perdant") }), etag));

        Assert.Equal(HttpStatusCode.OK, firstUpdate.StatusCode);
        Assert.NotEqual(etag, firstUpdate.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleUpdate.StatusCode);
        Assert.Equal("precondition-failed", (await staleUpdate.ReadJsonAsync()).GetProperty("code").GetString());
        var current = await Gateway.GetFromJsonAsync<JsonElement>(Url(created));
        Assert.Equal(winner, current.GetProperty("legalName").GetString());
    }

    [Fact]
    public async Task PatchOrganization_WithMergePatch_ChangesOnlyNamedFields()
    {
        var name = Http.UniqueName("Patch");
        var (created, etag) = await Gateway.CreateOrganizationAsync(name);
        var patch = Http.Json(HttpMethod.Patch, Url(created),
            new { regionCode = "06", description = new { fr = "Accompagnement", en = "Support" } },
            contentType: "application/merge-patch+json");

        using var response = await Gateway.SendAsync(WithIfMatch(patch, etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(name, body.GetProperty("legalName").GetString());
        Assert.Equal("06", body.GetProperty("regionCode").GetString());
        Assert.Equal("Support", body.GetProperty("description").GetProperty("en").GetString());
    }

    [Fact]
    public async Task PatchOrganization_RemovingRequiredField_Returns400AndKeepsData()
    {
        var name = Http.UniqueName("Patch invalide");
        var (created, etag) = await Gateway.CreateOrganizationAsync(name);
        var patch = Http.Json(HttpMethod.Patch, Url(created), "{\"legalName\": null}",
            contentType: "application/merge-patch+json");

        using var response = await Gateway.SendAsync(WithIfMatch(patch, etag));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("required", Code((await response.ReadJsonAsync()).GetProperty("errors"), "legalName"));
        var current = await Gateway.GetFromJsonAsync<JsonElement>(Url(created));
        Assert.Equal(name, current.GetProperty("legalName").GetString());
    }

    [Fact]
    public async Task PatchOrganization_AsPlainJson_Returns415()
    {
        var (created, etag) = await Gateway.CreateOrganizationAsync(Http.UniqueName("Patch JSON"));

        using var response = await Gateway.SendAsync(
            WithIfMatch(Http.Json(HttpMethod.Patch, Url(created), new { regionCode = "06" }), etag));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task GetOrganization_WithCurrentETagInIfNoneMatch_Returns304()
    {
        var (created, etag) = await Gateway.CreateOrganizationAsync(Http.UniqueName("Cache"));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(created));
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));

        using var response = await Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task GetOrganization_Unknown_Returns404ProblemDetails()
    {
        using var response = await Gateway.GetAsync($"{Http.Organizations}/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task ListOrganizations_WithPagingOutOfBounds_Returns400NamingTheParameter(string query, string field)
    {
        using var response = await Gateway.GetAsync($"{Http.Organizations}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("out-of-range", Code((await response.ReadJsonAsync()).GetProperty("errors"), field));
    }

    [Fact]
    public async Task ListOrganizations_Paged_ReturnsPageAndTotal()
    {
        var prefix = Http.UniqueName("Pagination");
        for (var i = 0; i < 3; i++)
        {
            await Gateway.CreateOrganizationAsync($"{prefix} {i}");
        }

        var page = await Gateway.GetFromJsonAsync<JsonElement>(
            $"{Http.Organizations}?search={Uri.EscapeDataString(prefix)}&page=2&pageSize=2");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        Assert.Equal($"{prefix} 2", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("legalName").GetString());
    }

    [Fact]
    public async Task UnknownPath_AtGateway_Returns404ProblemDetails()
    {
        using var response = await Gateway.GetAsync("/api/v2/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not-found", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task OversizedBody_AtGateway_Returns413()
    {
        var big = "{\"legalName\":\"" + new string('a', 1_100_000) + "\"}";
        using var content = new StringContent(big, Encoding.UTF8, "application/json");

        using var response = await Gateway.PostAsync(Http.Organizations, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload-too-large", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    private static string Url(JsonElement organization) =>
        $"{Http.Organizations}/{organization.GetProperty("id").GetString()}";

    private static string? Code(JsonElement errors, string field) =>
        errors.GetProperty(field)[0].GetProperty("code").GetString();

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static HttpRequestMessage WithIfMatch(HttpRequestMessage request, string etag)
    {
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return request;
    }

    private async Task<int> TotalAsync() =>
        (await Gateway.GetFromJsonAsync<JsonElement>(Http.Organizations)).GetProperty("total").GetInt32();
}
