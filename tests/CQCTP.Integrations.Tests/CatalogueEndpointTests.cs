using System.Net;
using System.Text.Json.Nodes;
using CQCTP.Integrations.Api.Endpoints;
using Xunit.Abstractions;

namespace CQCTP.Integrations.Tests;

/// <summary>The catalogue as the service serves it, and its validation by <c>@asyncapi/parser</c>.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class CatalogueEndpointTests(IntegrationsFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Catalogue_IsServedAnonymously_AndCacheable()
    {
        using var client = fixture.CreateClient(null);

        using var response = await client.GetAsync(CatalogueEndpoints.Path);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("3.0.0", (string?)document["asyncapi"]);
        Assert.NotNull(document["channels"]!["OrganizationRegistered"]);
    }

    [Fact]
    public async Task Catalogue_WithItsETag_IsNotModified()
    {
        using var client = fixture.CreateClient(null);
        using var first = await client.GetAsync(CatalogueEndpoints.Path);
        using var request = new HttpRequestMessage(HttpMethod.Get, CatalogueEndpoints.Path);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task Catalogue_NamesTheBroker_WithoutItsCredentials()
    {
        using var client = fixture.CreateClient(null);
        var broker = new Uri(fixture.BrokerConnectionString);

        var document = JsonNode.Parse(await client.GetStringAsync(CatalogueEndpoints.Path))!;

        Assert.Equal($"{broker.Host}:{broker.Port}", (string?)document["servers"]!["broker"]!["host"]);
        Assert.DoesNotContain(broker.UserInfo.Split(':')[^1], document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServedCatalogue_IsValidAsyncApi_ForTheParser()
    {
        using var client = fixture.CreateClient(null);
        var document = await client.GetStringAsync(CatalogueEndpoints.Path);

        var (exitCode, diagnostics) = await AsyncApiValidator.ValidateAsync(document);
        output.WriteLine(diagnostics);

        Assert.True(exitCode == 0, diagnostics);
        Assert.Contains("valid: AsyncAPI 3.0.0", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validator_RefusesABrokenDocument()
    {
        using var client = fixture.CreateClient(null);
        var document = JsonNode.Parse(await client.GetStringAsync(CatalogueEndpoints.Path))!.AsObject();
        // An operation pointing at a channel that does not exist.
        document["operations"]!["publishOrganizationRegistered"]!["channel"] = new JsonObject { ["$ref"] = "#/channels/Nowhere" };

        var (exitCode, diagnostics) = await AsyncApiValidator.ValidateAsync(document.ToJsonString());
        output.WriteLine(diagnostics);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheCatalogueEndpoint()
    {
        using var client = fixture.CreateClient(null);

        var document = JsonNode.Parse(await client.GetStringAsync("/api/v1/integrations/openapi/v1.json"))!;

        Assert.NotNull(document["paths"]![CatalogueEndpoints.Path]!["get"]);
    }
}
