using System.Net;
using System.Text.Json;
using CQCTP.Security;

namespace CQCTP.Membership.Tests;

/// <summary>Committees and their seats: staff writes, everyone's reads, term and duplicate rules, events.</summary>
[Collection(MembershipCollection.Name)]
public sealed class CommitteesEndpointsTests(MembershipFixture fixture)
{
    private const string Committees = "/api/v1/membership/committees";

    [Fact]
    public async Task Create_AsStaff_Returns201WithETag_AndIntegratorsAndPortalsReadIt()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var integrator = fixture.CreateClient(TestCaller.Integrator);
        using var portal = fixture.CreateClient(TestCaller.PortalB);

        using var created = await staff.SendJsonAsync(HttpMethod.Post, Committees,
            new { kind = "board", name = new { fr = $"Conseil d'administration {PeopleRequests.Token()}", en = "Board" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        Assert.Equal("board", (await created.JsonAsync()).GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, (await integrator.GetAsync(created.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync(created.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task Create_AsPortal_Answers403()
    {
        using var portal = fixture.CreateClient(TestCaller.PortalA);

        using var response = await portal.SendJsonAsync(HttpMethod.Post, Committees,
            new { kind = "clinical", name = new { fr = "Comité clinique" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithAnUnknownKindOrNoName_Returns400()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var unknown = await staff.SendJsonAsync(HttpMethod.Post, Committees,
            new { kind = "finance", name = new { fr = "Comité" } });
        using var nameless = await staff.SendJsonAsync(HttpMethod.Post, Committees, new { kind = "other" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.Equal("required",
            (await nameless.JsonAsync()).GetProperty("errors").GetProperty("name")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task AddMember_WithATermEndingBeforeItStarts_Returns422AndRecordsNothing()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var committee = await CreateCommitteeAsync(staff);
        var delegateId = await CreateDelegateAsync(staff);

        using var response = await staff.SendJsonAsync(HttpMethod.Post, $"{committee}/members",
            new { delegateId, role = "chair", termStart = "2027-06-01", termEnd = "2027-05-31" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("dates-out-of-order", (await response.JsonAsync()).GetProperty("rule").GetString());
        Assert.Empty(await fixture.EventsAsync("CommitteeMembershipChanged", delegateId));
    }

    [Fact]
    public async Task AddMember_TheSameDelegateTwice_Returns409Duplicate()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var committee = await CreateCommitteeAsync(staff);
        var delegateId = await CreateDelegateAsync(staff);
        using var first = await staff.SendJsonAsync(HttpMethod.Post, $"{committee}/members",
            new { delegateId, role = "member", termStart = "2026-09-01" });

        using var second = await staff.SendJsonAsync(HttpMethod.Post, $"{committee}/members",
            new { delegateId, role = "secretary", termStart = "2026-09-01" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("duplicate", await second.CodeAsync());
    }

    [Fact]
    public async Task AddMember_AnUnknownDelegate_Returns422()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var committee = await CreateCommitteeAsync(staff);

        using var response = await staff.SendJsonAsync(HttpMethod.Post, $"{committee}/members",
            new { delegateId = Guid.NewGuid(), role = "member", termStart = "2026-09-01" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("unknown-delegate", (await response.JsonAsync()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task SeatChangeAndLeave_EachRecordTheirEvent_AndAStaleChangeIs412()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var committee = await CreateCommitteeAsync(staff);
        var delegateId = await CreateDelegateAsync(staff);
        using var joined = await staff.SendJsonAsync(HttpMethod.Post, $"{committee}/members",
            new { delegateId, role = "member", termStart = "2026-09-01", termEnd = "2028-08-31" });
        var seat = joined.Headers.Location!.ToString();

        using var changed = await staff.SendJsonAsync(HttpMethod.Put, seat,
            new { role = "chair", termStart = "2026-09-01", termEnd = "2028-08-31" }, joined.Headers.ETag);
        using var stale = await staff.SendJsonAsync(HttpMethod.Put, seat,
            new { role = "secretary", termStart = "2026-09-01" }, joined.Headers.ETag);
        using var left = await staff.SendAsync(HttpMethod.Delete, seat, changed.Headers.ETag!);

        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("chair", (await changed.JsonAsync()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        var events = await fixture.EventsAsync("CommitteeMembershipChanged", delegateId);
        Assert.Equal(["joined", "updated", "left"], events.Select(e => e.GetProperty("change").GetString()));
        Assert.Equal("2028-08-31", events[0].GetProperty("termEnd").GetString());
        Assert.Equal(JsonValueKind.Null, events[2].GetProperty("role").ValueKind);
    }

    [Fact]
    public async Task Members_ShowAnotherOrganizationsUnlistedDelegateToAPortalWithoutTheName()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var committee = await CreateCommitteeAsync(staff);
        var delegateId = await CreateDelegateAsync(staff);
        using var joined = await staff.SendJsonAsync(HttpMethod.Post, $"{committee}/members",
            new { delegateId, role = "member", termStart = "2026-09-01" });
        using var portalA = fixture.CreateClient(TestCaller.PortalA);
        using var portalB = fixture.CreateClient(TestCaller.PortalB);

        var seenByB = Assert.Single((await (await portalB.GetAsync($"{committee}/members")).JsonAsync())
            .GetProperty("items").EnumerateArray());
        var seenByA = Assert.Single((await (await portalA.GetAsync($"{committee}/members")).JsonAsync())
            .GetProperty("items").EnumerateArray());

        Assert.Equal(JsonValueKind.Null, seenByB.GetProperty("fullName").ValueKind);
        Assert.Equal(delegateId, seenByB.GetProperty("delegateId").GetGuid());
        Assert.StartsWith("Membre ", seenByA.GetProperty("fullName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingADelegate_EndsTheirSeats()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var committee = await CreateCommitteeAsync(staff);
        using var created = await staff.SendJsonAsync(HttpMethod.Post, PeopleRequests.Delegates(DevelopmentClients.OrganizationA),
            PeopleRequests.Delegate($"Membre {PeopleRequests.Token()}"));
        var delegateId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        using var joined = await staff.SendJsonAsync(HttpMethod.Post, $"{committee}/members",
            new { delegateId, role = "member", termStart = "2026-09-01" });

        using var removed = await staff.SendAsync(HttpMethod.Delete, created.Headers.Location!.ToString(), created.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(joined.Headers.Location)).StatusCode);
        var events = await fixture.EventsAsync("CommitteeMembershipChanged", delegateId);
        Assert.Equal(["joined", "left"], events.Select(e => e.GetProperty("change").GetString()));
    }

    private static async Task<string> CreateCommitteeAsync(HttpClient staff)
    {
        using var created = await staff.SendJsonAsync(HttpMethod.Post, Committees,
            new { kind = "coordination", name = new { fr = $"Comité de coordination {PeopleRequests.Token()}" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.Location!.ToString();
    }

    private static async Task<Guid> CreateDelegateAsync(HttpClient staff)
    {
        using var created = await staff.SendJsonAsync(HttpMethod.Post, PeopleRequests.Delegates(DevelopmentClients.OrganizationA),
            PeopleRequests.Delegate($"Membre {PeopleRequests.Token()}"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetGuid();
    }
}
