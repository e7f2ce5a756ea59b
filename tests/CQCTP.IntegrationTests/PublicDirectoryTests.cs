using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CQCTP.IntegrationTests;

/// <summary>Membership's public routes through the gateway: anonymous reads with CORS, writes still behind a token.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PublicDirectoryTests(PlatformFixture fixture)
{
    [Theory]
    [InlineData("/api/v1/membership/directory?region=05")]
    [InlineData("/api/v1/membership/service-categories")]
    [InlineData("/api/v1/membership/service-categories/shelter")]
    public async Task PublicRead_WithoutAToken_AnswersWithCorsForThePublicWebsite(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://www.cqctp.example");

        using var response = await fixture.As(null).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ServiceCategories_AreSeededInFrenchAndEnglish()
    {
        var categories = await fixture.As(null).GetFromJsonAsync<JsonElement>("/api/v1/membership/service-categories?pageSize=100");

        var shelter = Assert.Single(categories.GetProperty("items").EnumerateArray(), c => c.GetProperty("code").GetString() == "shelter");
        Assert.Equal("Hébergement", shelter.GetProperty("label").GetProperty("fr").GetString());
        Assert.Equal("Shelter", shelter.GetProperty("label").GetProperty("en").GetString());
    }

    [Fact]
    public async Task PrivacyOfficerChange_WithoutAToken_Answers401AtTheGateway()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/membership/privacy-officer")
        {
            Content = new StringContent("""{"name":"X","title":{"fr":"X"},"email":"x@cqctp.example"}""", Encoding.UTF8,
                "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "*");

        using var response = await fixture.As(null).SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
