using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Outbox;
using CQCTP.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Membership.Tests;

/// <summary>The organization endpoints in-process, with real tokens, PostgreSQL and RabbitMQ.</summary>
[Collection(MembershipCollection.Name)]
public sealed class OrganizationsEndpointsTests(MembershipFixture fixture)
{
    internal const string Prefix = "/api/v1/membership/organizations";

    [Fact]
    public async Task Create_AsStaff_Returns201WithETag_AndRecordsTheEventInTheSameCommit()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var name = UniqueName("Maison Création");

        using var response = await PostAsync(staff, new { legalName = name, regionCode = "05" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"{Prefix}/{id}", response.Headers.Location?.ToString());
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var registrations = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.Contains(nameof(OrganizationRegistered))).Select(m => m.Body).ToListAsync();
        Assert.Single(registrations, body => body.Contains(id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_SameLegalNameWithOtherCaseAndSpacing_Returns409Duplicate()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var name = UniqueName("Clinique Doublon");
        using var first = await PostAsync(staff, new { legalName = name });

        using var second = await PostAsync(staff, new { legalName = "  " + name.ToUpperInvariant().Replace(" ", "   ", StringComparison.Ordinal) });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("duplicate", await CodeAsync(second));
    }

    [Fact]
    public async Task Create_DescriptionWithAPhoneNumber_Returns422NamingTheSpan()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await PostAsync(staff, new
        {
            legalName = UniqueName("Organisme Identifiant"),
            description = new { fr = "Joindre Julie au 514 555-0199." },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("direct-identifier", body.GetProperty("rule").GetString());
        Assert.Equal(17, body.GetProperty("errors").GetProperty("description.fr")[0].GetProperty("start").GetInt32());
    }

    [Fact]
    public async Task Get_WithTheCurrentETagInIfNoneMatch_Returns304()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await PostAsync(staff, new { legalName = UniqueName("Maison Cache") });
        using var request = new HttpRequestMessage(HttpMethod.Get, created.Headers.Location);
        request.Headers.IfNoneMatch.Add(created.Headers.ETag!);

        using var response = await staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(created.Headers.ETag, response.Headers.ETag);
    }

    [Fact]
    public async Task Patch_WithAStaleIfMatch_Returns412AndChangesNothing()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var name = UniqueName("Maison Concurrence");
        using var created = await PostAsync(staff, new { legalName = name });
        using var first = await PatchAsync(staff, created.Headers.Location!, created.Headers.ETag!, """{"commonName":"Première"}""");

        using var second = await PatchAsync(staff, created.Headers.Location!, created.Headers.ETag!, """{"commonName":"Seconde"}""");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var stored = await staff.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal("Première", stored.GetProperty("commonName").GetString());
    }

    [Fact]
    public async Task Patch_WithAValueOfTheWrongType_Returns400NamingTheField()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await PostAsync(staff, new { legalName = UniqueName("Maison Type") });

        using var response = await PatchAsync(staff, created.Headers.Location!, created.Headers.ETag!, """{"regionCode":5}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("malformed-request", body.GetProperty("code").GetString());
        Assert.Equal("invalid-type", body.GetProperty("errors").GetProperty("regionCode")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Patch_ThatBreaksAFieldRule_Returns400WithTheFieldError()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await PostAsync(staff, new { legalName = UniqueName("Maison Région") });

        using var response = await PatchAsync(staff, created.Headers.Location!, created.Headers.ETag!, """{"regionCode":"18"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid-format", body.GetProperty("errors").GetProperty("regionCode")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Portal_ReadsItsOwnOrganization_AndAnotherOneAnswers404()
    {
        using var portalA = fixture.CreateClient(TestCaller.PortalA);

        using var own = await portalA.GetAsync($"{Prefix}/{DevelopmentClients.OrganizationA}");
        using var other = await portalA.GetAsync($"{Prefix}/{DevelopmentClients.OrganizationB}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Portal_ListsOnlyItsOwnOrganization()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await PostAsync(staff, new { legalName = UniqueName("Maison Liste") });
        using var portalB = fixture.CreateClient(TestCaller.PortalB);

        var page = await portalB.GetFromJsonAsync<JsonElement>($"{Prefix}?pageSize=100");

        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([DevelopmentClients.OrganizationB], ids);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Portal_ChangingAnotherOrganization_Answers404AndChangesNothing()
    {
        using var portalA = fixture.CreateClient(TestCaller.PortalA);
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var before = await staff.GetAsync($"{Prefix}/{DevelopmentClients.OrganizationB}");

        using var response = await PatchAsync(portalA, new Uri($"{Prefix}/{DevelopmentClients.OrganizationB}", UriKind.Relative),
            before.Headers.ETag!, """{"commonName":"Pris"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var after = await staff.GetAsync($"{Prefix}/{DevelopmentClients.OrganizationB}");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Integrator_CannotCreate_Answers403()
    {
        using var integrator = fixture.CreateClient(TestCaller.Integrator);

        using var response = await PostAsync(integrator, new { legalName = UniqueName("Maison Interdite") });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", await CodeAsync(response));
    }

    [Fact]
    public async Task WithoutAToken_Answers401()
    {
        using var anonymous = fixture.CreateClient(null);

        using var response = await anonymous.GetAsync(Prefix);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_IsRefusedByTheProductionValidation()
    {
        using var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            fixture.Tokens.Issue(TestCaller.Staff, Audiences.Of("membership"), TimeSpan.FromMinutes(5),
                DateTime.UtcNow.AddHours(-1)));

        using var response = await client.GetAsync(Prefix);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherApi_IsRefused()
    {
        using var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            fixture.Tokens.Issue(TestCaller.Staff, Audiences.Of("funding")));

        using var response = await client.GetAsync(Prefix);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, object body) =>
        client.PostJsonAsync(JsonSerializer.Serialize(body));

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, Uri location, EntityTagHeaderValue etag,
        string patch) => client.PatchAsync(location.ToString(), etag, patch);

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
}
