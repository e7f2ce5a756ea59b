using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace CQCTP.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class EventPathTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private HttpClient Gateway => fixture.Gateway;

    [Fact]
    public async Task CreateOrganization_ThroughGateway_AppearsInConcertationReadModel()
    {
        var first = await CreateAndAwaitAsync(Http.UniqueName("Halte Boréale"));
        var second = await CreateAndAwaitAsync(Http.UniqueName("Halte Boréale"));

        output.WriteLine($"created → visible in Concertation through the gateway: first {first.Latency.TotalMilliseconds:F0} ms, " +
            $"second (warm) {second.Latency.TotalMilliseconds:F0} ms");
        Assert.Equal("pending", second.Member.GetProperty("membershipStatus").GetString());
        Assert.Equal(second.Name, second.Member.GetProperty("legalName").GetString());
    }

    [Fact]
    public async Task ListMemberOrganizations_WithPagingOutOfBounds_Returns400()
    {
        using var response = await Gateway.GetAsync(Http.MemberOrganizations + "?pageSize=101");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(string Name, JsonElement Member, TimeSpan Latency)> CreateAndAwaitAsync(string name)
    {
        var timer = Stopwatch.StartNew();
        var (created, _) = await Gateway.CreateOrganizationAsync(name);
        var id = created.GetProperty("id").GetString();
        var member = await Http.EventuallyAsync(async () =>
        {
            var page = await Gateway.GetFromJsonAsync<JsonElement>(Http.MemberOrganizations + "?pageSize=100");
            return page.GetProperty("items").EnumerateArray()
                .Cast<JsonElement?>()
                .FirstOrDefault(o => o!.Value.GetProperty("organizationId").GetString() == id);
        }, TimeSpan.FromSeconds(30));
        return (name, member, timer.Elapsed);
    }

    [Fact]
    public async Task CreateOrganization_WithPhoneNumberInDescription_Returns422NamingTheSpan()
    {
        var body = new
        {
            legalName = Http.UniqueName("Garde identifiants"),
            description = new { fr = "Appeler Julie au 514 555-0199 le soir." },
        };

        using var response = await Gateway.SendAsync(Http.Json(HttpMethod.Post, Http.Organizations, body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("business-rule-violated", problem.GetProperty("code").GetString());
        Assert.Equal("direct-identifier", problem.GetProperty("rule").GetString());
        var error = problem.GetProperty("errors").GetProperty("description.fr")[0];
        Assert.Equal("phone", error.GetProperty("kind").GetString());
        Assert.Equal("Appeler Julie au ".Length, error.GetProperty("start").GetInt32());
        Assert.Equal("514 555-0199".Length, error.GetProperty("length").GetInt32());
        Assert.Equal(0, await Gateway.CountOrganizationsAsync(body.legalName));
    }
}
