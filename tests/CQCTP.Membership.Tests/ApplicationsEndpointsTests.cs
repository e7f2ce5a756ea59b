using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Endpoints;
using CQCTP.Membership.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CQCTP.Membership.Tests.MembershipRequests;

namespace CQCTP.Membership.Tests;

/// <summary>Public membership applications (anonymous) and staff's decisions on them.</summary>
[Collection(MembershipCollection.Name)]
public sealed class ApplicationsEndpointsTests(MembershipFixture fixture)
{
    private const string Prefix = ApplicationsEndpoints.Prefix;

    [Fact]
    public async Task Submit_Anonymously_Returns201WithOnlyTheIdAndStatus()
    {
        using var anonymous = fixture.CreateClient(null);

        using var response = await anonymous.PostAsync(Prefix, Application(UniqueName("Maison Candidate")),
            idempotencyKey: Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["id", "status"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("submitted", body.GetProperty("status").GetString());
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task Submit_TwiceWithTheSameKey_CreatesOneApplication_AndReplaysTheAnswer()
    {
        var name = UniqueName("Maison Deux Fois");
        var key = Guid.NewGuid().ToString();

        var first = await SubmitFromAsync("203.0.113.10", Application(name), key);
        var second = await SubmitFromAsync("203.0.113.10", Application(name), key);

        Assert.True(first.Status == StatusCodes.Status201Created, first.Body);
        Assert.Equal(StatusCodes.Status201Created, second.Status);
        Assert.Equal("true", second.Replayed);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(1, await ApplicationsNamedAsync(name));
    }

    [Fact]
    public async Task Submit_SameKeyFromAnotherAddress_NeverGetsTheFirstCallersAnswer()
    {
        var key = Guid.NewGuid().ToString();
        var name = UniqueName("Maison Première");
        var first = await SubmitFromAsync("203.0.113.20", Application(name), key);

        var sameBody = await SubmitFromAsync("198.51.100.20", Application(name), key);
        var otherBody = await SubmitFromAsync("198.51.100.21", Application(UniqueName("Maison Seconde")), key);

        Assert.Equal(StatusCodes.Status201Created, first.Status);
        // Not a replay of the first answer: the name is taken, as for any new application.
        Assert.Equal(StatusCodes.Status409Conflict, sameBody.Status);
        Assert.Null(sameBody.Replayed);
        // Not "key reused" either: another caller's keys are another namespace.
        Assert.Equal(StatusCodes.Status201Created, otherBody.Status);
        Assert.NotEqual(first.Body, otherBody.Body);
    }

    [Fact]
    public async Task Submit_WithMissingAndBadFields_Returns400NamingEach()
    {
        using var anonymous = fixture.CreateClient(null);

        using var response = await anonymous.PostAsync(Prefix,
            """{"organization":{"regionsServed":["20"]},"contactEmail":"nope"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("required", errors.GetProperty("organization.legalName")[0].GetProperty("code").GetString());
        Assert.Equal("invalid-email", errors.GetProperty("contactEmail")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Submit_WithAPersonsEmailInTheMessage_Returns422_AndRegistersNothing()
    {
        using var anonymous = fixture.CreateClient(null);
        var name = UniqueName("Maison Message");

        using var response = await anonymous.PostAsync(Prefix, JsonSerializer.Serialize(new
        {
            organization = new { legalName = name },
            contactEmail = "info@message.example",
            message = "Écrire à julie.tremblay@courriel.example pour le suivi.",
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("direct-identifier", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Equal(0, await ApplicationsNamedAsync(name));
    }

    [Fact]
    public async Task StaffRoutes_AreClosedToAnonymousCallersAndPortals()
    {
        using var anonymous = fixture.CreateClient(null);
        using var portal = fixture.CreateClient(TestCaller.PortalA);
        using var integrator = fixture.CreateClient(TestCaller.Integrator);

        using var asAnonymous = await anonymous.GetAsync(Prefix);
        using var asPortal = await portal.GetAsync(Prefix);
        using var asIntegrator = await integrator.GetAsync(Prefix);

        Assert.Equal(HttpStatusCode.Unauthorized, asAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asPortal.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asIntegrator.StatusCode);
    }

    [Fact]
    public async Task Approve_ActivatesTheOrganizationWithTheChosenType_AndASecondDecisionIs409()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, organizationId) = await SubmitAsync(UniqueName("Maison Approuvée"));
        using var current = await staff.GetAsync(location);
        var listed = await staff.GetFromJsonAsync<JsonElement>($"{Prefix}?status=submitted&pageSize=100");

        using var approved = await staff.PostAsync($"{location}/approve", """{"membershipType":"observer"}""", current.Headers.ETag);
        using var refusedAfter = await staff.PostAsync($"{location}/refuse", """{"reason":"Hors mandat"}""", approved.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", body.GetProperty("status").GetString());
        Assert.Equal("observer", body.GetProperty("membershipType").GetString());
        Assert.Equal(HttpStatusCode.Conflict, refusedAfter.StatusCode);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("organizationId").GetGuid() == organizationId);
        var organization = await staff.GetFromJsonAsync<JsonElement>($"{OrganizationsEndpointsTests.Prefix}/{organizationId}");
        Assert.Equal("active", organization.GetProperty("status").GetString());
        Assert.Single(await fixture.EventsAboutAsync(nameof(MembershipActivated), organizationId));
        Assert.Single(await fixture.EventsAboutAsync(nameof(MembershipStatusChanged), organizationId));
    }

    [Fact]
    public async Task Refuse_RecordsTheReason_AndTheOrganizationBecomesRefused()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, organizationId) = await SubmitAsync(UniqueName("Maison Refusée"));
        using var current = await staff.GetAsync(location);

        using var withoutReason = await staff.PostAsync($"{location}/refuse", "{}", current.Headers.ETag);
        using var refused = await staff.PostAsync($"{location}/refuse", """{"reason":"Hors mandat de la coalition"}""", current.Headers.ETag);

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Hors mandat de la coalition", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisionReason").GetString());
        var history = await staff.GetFromJsonAsync<JsonElement>($"{OrganizationsEndpointsTests.Prefix}/{organizationId}/membership/history");
        var line = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal("refused", line.GetProperty("newStatus").GetString());
        var changed = Assert.Single(await fixture.EventsAboutAsync(nameof(MembershipStatusChanged), organizationId));
        Assert.Equal("refused", JsonDocument.Parse(changed).RootElement.GetProperty("newStatus").GetString());
        Assert.Empty(await fixture.EventsAboutAsync(nameof(MembershipActivated), organizationId));
    }

    private static string Application(string name) => $$"""
        {
          "organization": { "legalName": "{{name}}", "type": "communityOrganization", "regionsServed": ["05"] },
          "contactEmail": "accueil@candidate.example",
          "message": "Nous souhaitons rejoindre la coalition."
        }
        """;

    /// <summary>An application submitted anonymously; the staff location of the application and its organization.</summary>
    private async Task<(string Location, Guid OrganizationId)> SubmitAsync(string name)
    {
        using var anonymous = fixture.CreateClient(null);
        using var response = await anonymous.PostAsync(Prefix, Application(name));
        response.EnsureSuccessStatusCode();
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var organizationId = await db.Organizations.Where(o => o.LegalName == name).Select(o => o.Id).SingleAsync();
        return (response.Headers.Location!.ToString(), organizationId);
    }

    /// <summary>An anonymous submission from <paramref name="address"/> (the test server lets us choose it).</summary>
    private async Task<(int Status, string Body, string? Replayed)> SubmitFromAsync(string address, string json, string key)
    {
        var server = fixture.Factory.Server;
        using var client = new HttpClient(server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(address)))
        {
            BaseAddress = server.BaseAddress,
        };
        using var response = await client.PostAsync(Prefix, json, idempotencyKey: key);
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.Single() : null;
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), replayed);
    }

    private async Task<int> ApplicationsNamedAsync(string name)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        return await db.MembershipApplications
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => o.LegalName)
            .CountAsync(n => n == name);
    }
}
