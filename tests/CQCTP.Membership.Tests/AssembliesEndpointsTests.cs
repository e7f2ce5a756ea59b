using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Tests;

/// <summary>A general assembly through the API: attendance, quorum, one vote per voting member, the count.</summary>
[Collection(MembershipCollection.Name)]
public sealed class AssembliesEndpointsTests(MembershipFixture fixture)
{
    private const string Prefix = "/api/v1/membership/assemblies";
    private static readonly DateOnly LongAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-300);

    [Fact]
    public async Task Vote_CountsOneVotePerPaidUpRegularMemberPresent_AndRefusesTheOthersWithTheirRule()
    {
        var year = FiscalYear.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)));
        var first = await fixture.MemberAsync(MembershipType.Regular, LongAgo, year);
        var second = await fixture.MemberAsync(MembershipType.Regular, LongAgo, year);
        var third = await fixture.MemberAsync(MembershipType.Regular, LongAgo, year);
        var associate = await fixture.MemberAsync(MembershipType.Associate, LongAgo, year);
        var unpaid = await fixture.MemberAsync(MembershipType.Regular, LongAgo);
        var absent = await fixture.MemberAsync(MembershipType.Regular, LongAgo, year);
        var (d1, d1Bis, d2, d3) = (await Delegate(first), await Delegate(first), await Delegate(second), await Delegate(third));
        var (dAssociate, dUnpaid, dAbsent) = (await Delegate(associate), await Delegate(unpaid), await Delegate(absent));
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var assembly = await InSessionAsync(staff, quorumPercent: 1);
        foreach (var present in new[] { d1, d1Bis, d2, d3, dAssociate, dUnpaid })
        {
            using var recorded = await staff.PostAsJsonAsync($"{assembly}/attendance", new { delegateId = present });
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        var resolution = await VotingResolutionAsync(staff, assembly);

        Assert.Equal(HttpStatusCode.Created, await VoteAsync(staff, resolution, d1, "for"));
        Assert.Equal(HttpStatusCode.Created, await VoteAsync(staff, resolution, d2, "against"));
        Assert.Equal(HttpStatusCode.Created, await VoteAsync(staff, resolution, d3, "for"));
        await AssertRefusedAsync(staff, resolution, d1Bis, HttpStatusCode.Conflict, Resolution.AlreadyVoted);
        await AssertRefusedAsync(staff, resolution, dAssociate, HttpStatusCode.UnprocessableEntity, Resolution.NotAVotingMember);
        await AssertRefusedAsync(staff, resolution, dUnpaid, HttpStatusCode.UnprocessableEntity, Resolution.NotAVotingMember);
        await AssertRefusedAsync(staff, resolution, dAbsent, HttpStatusCode.UnprocessableEntity, Resolution.DelegateNotPresent);

        using var decided = await SendAsync(staff, HttpMethod.Post, $"{resolution}/decide");
        var result = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("adopted", result.GetProperty("status").GetString());
        Assert.Equal((2, 1, 0), (result.GetProperty("for").GetInt32(), result.GetProperty("against").GetInt32(),
            result.GetProperty("abstain").GetInt32()));
    }

    [Fact]
    public async Task Vote_WithoutQuorum_Is422_AndTheQuorumSaysWhy()
    {
        var year = FiscalYear.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)));
        var present = await fixture.MemberAsync(MembershipType.Regular, LongAgo, year);
        await fixture.MemberAsync(MembershipType.Regular, LongAgo, year);
        var voter = await Delegate(present);
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var assembly = await InSessionAsync(staff, quorumPercent: 100);
        using (await staff.PostAsJsonAsync($"{assembly}/attendance", new { delegateId = voter }))
        {
        }

        var resolution = await VotingResolutionAsync(staff, assembly);

        await AssertRefusedAsync(staff, resolution, voter, HttpStatusCode.UnprocessableEntity, Resolution.QuorumNotMet);
        var quorum = await staff.GetFromJsonAsync<JsonElement>($"{assembly}/quorum");
        Assert.Equal(1, quorum.GetProperty("represented").GetInt32());
        Assert.True(quorum.GetProperty("votingOrganizations").GetInt32() >= 2);
        Assert.Equal(quorum.GetProperty("votingOrganizations").GetInt32(), quorum.GetProperty("required").GetInt32());
        Assert.False(quorum.GetProperty("isMet").GetBoolean());
    }

    [Fact]
    public async Task Close_ThenAttendance_IsAConflict_AndAStaleIfMatchIs412()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var planned = await staff.PostAsJsonAsync(Prefix, Assembly(50));
        var location = planned.Headers.Location!.ToString();
        var stale = planned.Headers.ETag!;
        using var convened = await SendAsync(staff, HttpMethod.Post, $"{location}/convene", stale);

        using var again = await SendAsync(staff, HttpMethod.Post, $"{location}/open", stale);

        Assert.Equal(HttpStatusCode.OK, convened.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        using var opened = await SendAsync(staff, HttpMethod.Post, $"{location}/open");
        using var closed = await SendAsync(staff, HttpMethod.Post, $"{location}/close");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var member = await fixture.MemberAsync(MembershipType.Regular, LongAgo);
        using var late = await staff.PostAsJsonAsync($"{location}/attendance", new { delegateId = await Delegate(member) });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Plan_WithBadFields_Is400WithFieldErrors_AndAResolutionNamingAPhoneIs422()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var bad = await staff.PostAsJsonAsync(Prefix, new { kind = "yearly", quorumPercent = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _) || errors.TryGetProperty("$.kind", out _));
        using var planned = await staff.PostAsJsonAsync(Prefix, Assembly(50));
        using var withPhone = await staff.PostAsJsonAsync($"{planned.Headers.Location}/resolutions",
            new { text = new { fr = "Mandater Mme X, joignable au 514-555-0199, pour le dossier." } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withPhone.StatusCode);
    }

    [Fact]
    public async Task Plan_ByAPortal_Is403_ButThePortalReadsTheAssemblies()
    {
        using var portal = fixture.CreateClient(TestCaller.PortalA);
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var planned = await staff.PostAsJsonAsync(Prefix, Assembly(50));

        using var refused = await portal.PostAsJsonAsync(Prefix, Assembly(50));
        using var read = await portal.GetAsync(planned.Headers.Location);
        using var attendance = await portal.GetAsync($"{planned.Headers.Location}/attendance");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, attendance.StatusCode);
    }

    private Task<Guid> Delegate(Guid organization) => fixture.DelegateAsync(organization);

    private static object Assembly(int quorumPercent) => new
    {
        kind = "annual",
        title = new { fr = "Assemblée générale annuelle", en = "Annual general meeting" },
        startsAt = DateTimeOffset.UtcNow.AddDays(1),
        location = "En ligne / Online",
        quorumPercent,
    };

    private static async Task<string> InSessionAsync(HttpClient staff, int quorumPercent)
    {
        using var planned = await staff.PostAsJsonAsync(Prefix, Assembly(quorumPercent));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var location = planned.Headers.Location!.ToString();
        using var convened = await SendAsync(staff, HttpMethod.Post, $"{location}/convene");
        using var opened = await SendAsync(staff, HttpMethod.Post, $"{location}/open");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return location;
    }

    private static async Task<string> VotingResolutionAsync(HttpClient staff, string assembly)
    {
        using var proposed = await staff.PostAsJsonAsync($"{assembly}/resolutions",
            new { text = new { fr = "Adopter les états financiers 2025-2026", en = "Adopt the 2025-2026 financial statements" } });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var location = proposed.Headers.Location!.ToString();
        using var opened = await SendAsync(staff, HttpMethod.Post, $"{location}/open-voting");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return location;
    }

    private static async Task<HttpStatusCode> VoteAsync(HttpClient staff, string resolution, Guid delegateId, string choice)
    {
        using var response = await staff.PostAsJsonAsync($"{resolution}/votes", new { delegateId, choice });
        return response.StatusCode;
    }

    private static async Task AssertRefusedAsync(HttpClient staff, string resolution, Guid delegateId,
        HttpStatusCode status, string rule)
    {
        using var response = await staff.PostAsJsonAsync($"{resolution}/votes", new { delegateId, choice = "for" });
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(rule, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    /// <summary>A command with the resource's current ETag (read first), or the one given.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string location,
        EntityTagHeaderValue? etag = null)
    {
        if (etag is null)
        {
            var target = location[..location.LastIndexOf('/')];
            using var current = await client.GetAsync(target);
            etag = current.Headers.ETag!;
        }

        using var request = new HttpRequestMessage(method, location);
        request.Headers.IfMatch.Add(etag);
        return await client.SendAsync(request);
    }
}
