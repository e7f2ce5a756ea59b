using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Contracts;
using CQCTP.Security;
using static CQCTP.Membership.Tests.MembershipRequests;

namespace CQCTP.Membership.Tests;

/// <summary>The lifecycle commands over HTTP: each recorded with its history and events, or refused with nothing recorded.</summary>
[Collection(MembershipCollection.Name)]
public sealed class MembershipLifecycleEndpointsTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Lifecycle_ActivateSuspendReactivateWithdraw_RecordsHistoryAndOneEventPerChange()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, etag, id) = await staff.CreateOrganizationAsync(UniqueName("Maison Cycle"));

        etag = await CommandAsync(staff, location, "activate", etag, """{"membershipType":"associate","reason":"Admise par le CA"}""");
        etag = await CommandAsync(staff, location, "suspend", etag, """{"reason":"Cotisation en litige"}""");
        etag = await CommandAsync(staff, location, "reactivate", etag, "{}");
        var later = Organization.Today(DateTimeOffset.UtcNow).AddDays(31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await CommandAsync(staff, location, "withdraw", etag, $$"""{"effectiveDate":"{{later}}"}""");

        var history = await staff.GetFromJsonAsync<JsonElement>($"{location}/membership/history");
        var lines = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["pending>active", "active>suspended", "suspended>active", "active>withdrawn"],
            lines.Select(l => $"{l.GetProperty("oldStatus").GetString()}>{l.GetProperty("newStatus").GetString()}"));
        Assert.Equal("Admise par le CA", lines[0].GetProperty("reason").GetString());
        Assert.Equal(DevelopmentClients.Staff, lines[0].GetProperty("changedBy").GetString());
        Assert.Equal(later, lines[3].GetProperty("effectiveDate").GetString());
        var activated = Assert.Single(await fixture.EventsAboutAsync(nameof(MembershipActivated), id));
        Assert.Contains("\"associate\"", activated, StringComparison.Ordinal);
        var changes = await fixture.EventsAboutAsync(nameof(MembershipStatusChanged), id);
        Assert.Equal(4, changes.Count);
        var suspended = JsonDocument.Parse(changes[1]).RootElement;
        Assert.True(suspended.TryGetProperty("changedAt", out _));
        Assert.Equal("Cotisation en litige", suspended.GetProperty("reason").GetString());
        Assert.Equal("suspended", suspended.GetProperty("newStatus").GetString());
    }

    [Fact]
    public async Task Suspend_AWithdrawnMember_Returns409NamingTheAllowedTransitions_AndRecordsNothing()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, etag, id) = await staff.CreateOrganizationAsync(UniqueName("Maison Retirée"));
        etag = await CommandAsync(staff, location, "activate", etag, """{"membershipType":"regular"}""");
        etag = await CommandAsync(staff, location, "withdraw", etag, "{}");

        using var response = await staff.PostAsync($"{location}/suspend", "{}", etag);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("illegal-transition", body.GetProperty("rule").GetString());
        Assert.EndsWith("« withdrawn » : active.", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await fixture.EventsAboutAsync(nameof(MembershipStatusChanged), id)).Count);
        var history = await staff.GetFromJsonAsync<JsonElement>($"{location}/membership/history");
        Assert.Equal(2, history.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Suspend_WithAStaleIfMatch_Returns412_AndWithoutIfMatch428()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, etag, id) = await staff.CreateOrganizationAsync(UniqueName("Maison Périmée"));
        await CommandAsync(staff, location, "activate", etag, """{"membershipType":"regular"}""");

        using var stale = await staff.PostAsync($"{location}/suspend", "{}", etag);
        using var missing = await staff.PostAsync($"{location}/suspend", "{}");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Single(await fixture.EventsAboutAsync(nameof(MembershipStatusChanged), id));
    }

    [Fact]
    public async Task Activate_WithoutAMembershipType_Returns400_AndWithAnEffectiveDateFarAway422()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, etag, id) = await staff.CreateOrganizationAsync(UniqueName("Maison Sans Type"));

        using var noType = await staff.PostAsync($"{location}/activate", "{}", etag);
        using var unknownType = await staff.PostAsync($"{location}/activate", """{"membershipType":"gold"}""", etag);
        using var farAway = await staff.PostAsync($"{location}/activate", """{"membershipType":"regular","effectiveDate":"2001-01-01"}""", etag);

        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, farAway.StatusCode);
        Assert.Equal("effective-date-out-of-range", (await farAway.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Empty(await fixture.EventsAboutAsync(nameof(MembershipStatusChanged), id));
    }

    [Fact]
    public async Task Suspend_WithAPhoneNumberInTheReason_Returns422()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, etag, _) = await staff.CreateOrganizationAsync(UniqueName("Maison Raison"));
        etag = await CommandAsync(staff, location, "activate", etag, """{"membershipType":"regular"}""");

        using var response = await staff.PostAsync($"{location}/suspend", """{"reason":"Appeler Julie au 514 555-0199"}""", etag);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("direct-identifier", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Suspension_ClosesTheOrganizationsPortal()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, etag, id) = await staff.CreateOrganizationAsync(UniqueName("Maison Portail"));
        etag = await CommandAsync(staff, location, "activate", etag, """{"membershipType":"regular"}""");
        using var portal = fixture.CreateClient(new TestCaller("test-portal", Scopes.Portal, id));
        using var whileActive = await portal.GetAsync(location);

        await CommandAsync(staff, location, "suspend", etag, "{}");
        using var afterSuspension = await portal.GetAsync(location);

        Assert.Equal(HttpStatusCode.OK, whileActive.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterSuspension.StatusCode);
    }

    [Fact]
    public async Task Commands_AreForStaff_APortalGets403_AndAnotherPortalsHistory404()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var portalA = fixture.CreateClient(TestCaller.PortalA);
        var locationB = $"{OrganizationsEndpointsTests.Prefix}/{DevelopmentClients.OrganizationB}";
        using var current = await staff.GetAsync(locationB);

        using var suspend = await portalA.PostAsync($"{locationB}/suspend", "{}", current.Headers.ETag);
        using var otherHistory = await portalA.GetAsync($"{locationB}/membership/history");
        using var ownHistory = await portalA.GetAsync($"{OrganizationsEndpointsTests.Prefix}/{DevelopmentClients.OrganizationA}/membership/history");

        Assert.Equal(HttpStatusCode.Forbidden, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherHistory.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownHistory.StatusCode);
    }

    private static async Task<EntityTagHeaderValue> CommandAsync(HttpClient staff, string location, string command,
        EntityTagHeaderValue etag, string body)
    {
        using var response = await staff.PostAsync($"{location}/{command}", body, etag);
        Assert.True(response.IsSuccessStatusCode, $"{command}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!;
    }
}
