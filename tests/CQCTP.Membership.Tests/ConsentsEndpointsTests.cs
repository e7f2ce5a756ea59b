using System.Net;
using CQCTP.Security;

namespace CQCTP.Membership.Tests;

/// <summary>Consents: recorded with date and text version, withdrawn explicitly, never re-given by a profile update.</summary>
[Collection(MembershipCollection.Name)]
public sealed class ConsentsEndpointsTests(MembershipFixture fixture)
{
    private static readonly string DelegatesOfA = PeopleRequests.Delegates(DevelopmentClients.OrganizationA);

    [Fact]
    public async Task GiveConsent_RecordsTheDateAndTextVersion_AndConsentGivenCarriesEmailAndLanguage()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var email = $"{PeopleRequests.Token()}@infolettre.example";
        var (location, id) = await CreateAsync(staff, ("email", email), ("preferredLanguage", "en"));
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        using var response = await staff.SendJsonAsync(HttpMethod.Post, $"{location}/consents",
            new { purpose = "newsletter", textVersion = "infolettre-2026-11" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var consent = await response.JsonAsync();
        Assert.Equal("given", consent.GetProperty("action").GetString());
        Assert.Equal("newsletter", consent.GetProperty("purpose").GetString());
        Assert.Equal("infolettre-2026-11", consent.GetProperty("textVersion").GetString());
        Assert.True(consent.GetProperty("recordedAt").GetDateTimeOffset() > before);
        using var stored = await staff.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.True((await (await staff.GetAsync(location)).JsonAsync()).GetProperty("consents").GetProperty("newsletter").GetBoolean());
        var given = Assert.Single(await fixture.EventsAsync("ConsentGiven", id));
        Assert.Equal(email, given.GetProperty("email").GetString());
        Assert.Equal("en", given.GetProperty("preferredLanguage").GetString());
        Assert.Equal("infolettre-2026-11", given.GetProperty("textVersion").GetString());
        Assert.Equal("newsletter", given.GetProperty("purpose").GetString());
    }

    [Fact]
    public async Task Withdraw_ThenAProfileUpdate_DoesNotResubscribe()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, id) = await CreateAsync(staff);
        using var given = await staff.SendJsonAsync(HttpMethod.Post, $"{location}/consents",
            new { purpose = "newsletter", textVersion = "v1" });
        using var current = await staff.GetAsync(location);

        using var withdrawn = await staff.SendAsync(HttpMethod.Post, $"{location}/consents/newsletter/withdraw",
            current.Headers.ETag!);
        // A front end sending back everything it read, consents included, must not re-subscribe anyone.
        var profile = PeopleRequests.Delegate($"Désabonnée {PeopleRequests.Token()}",
            ("newsletter", true), ("consents", new { newsletter = true }));
        using var updated = await staff.SendJsonAsync(HttpMethod.Put, location, profile, withdrawn.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.False((await withdrawn.JsonAsync()).GetProperty("consents").GetProperty("newsletter").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.False((await updated.JsonAsync()).GetProperty("consents").GetProperty("newsletter").GetBoolean());
        Assert.Single(await fixture.EventsAsync("ConsentGiven", id));
        Assert.Single(await fixture.EventsAsync("ConsentWithdrawn", id));
        var history = await (await staff.GetAsync($"{location}/consents")).JsonAsync();
        Assert.Equal(["given", "withdrawn"],
            history.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Withdraw_AConsentNotInForce_Returns409AndRecordsNothing()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, id) = await CreateAsync(staff);
        using var current = await staff.GetAsync(location);

        using var response = await staff.SendAsync(HttpMethod.Post, $"{location}/consents/directory-listing/withdraw",
            current.Headers.ETag!);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("consent-not-given", (await response.JsonAsync()).GetProperty("rule").GetString());
        Assert.Empty(await fixture.EventsAsync("ConsentWithdrawn", id));
    }

    [Fact]
    public async Task Withdraw_WithAStaleIfMatch_Returns412AndTheConsentStays()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, id) = await CreateAsync(staff);
        using var before = await staff.GetAsync(location);
        using var given = await staff.SendJsonAsync(HttpMethod.Post, $"{location}/consents",
            new { purpose = "newsletter", textVersion = "v1" });

        using var response = await staff.SendAsync(HttpMethod.Post, $"{location}/consents/newsletter/withdraw",
            before.Headers.ETag!);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Empty(await fixture.EventsAsync("ConsentWithdrawn", id));
    }

    [Fact]
    public async Task GiveConsent_WithContactFieldsForTheNewsletter_Returns422()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, id) = await CreateAsync(staff);

        using var response = await staff.SendJsonAsync(HttpMethod.Post, $"{location}/consents",
            new { purpose = "newsletter", textVersion = "v1", showEmail = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("contact-fields-for-directory-only", (await response.JsonAsync()).GetProperty("rule").GetString());
        Assert.Empty(await fixture.EventsAsync("ConsentGiven", id));
    }

    [Fact]
    public async Task GiveConsent_WithoutTextVersionOrWithAnUnknownPurpose_Returns400()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, _) = await CreateAsync(staff);

        using var missing = await staff.SendJsonAsync(HttpMethod.Post, $"{location}/consents", new { purpose = "newsletter" });
        using var unknown = await staff.SendJsonAsync(HttpMethod.Post, $"{location}/consents",
            new { purpose = "marketing", textVersion = "v1" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("required",
            (await missing.JsonAsync()).GetProperty("errors").GetProperty("textVersion")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task GiveConsent_ByTheOwnPortal_Returns201_AndByAnotherPortal_Answers404()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (location, _) = await CreateAsync(staff);
        using var portalA = fixture.CreateClient(TestCaller.PortalA);
        using var portalB = fixture.CreateClient(TestCaller.PortalB);

        using var own = await portalA.SendJsonAsync(HttpMethod.Post, $"{location}/consents",
            new { purpose = "directory-listing", textVersion = "repertoire-v1", showEmail = true });
        using var other = await portalB.SendJsonAsync(HttpMethod.Post, $"{location}/consents",
            new { purpose = "newsletter", textVersion = "v1" });

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private static async Task<(string Location, Guid Id)> CreateAsync(HttpClient staff, params (string Key, object? Value)[] extra)
    {
        using var created = await staff.SendJsonAsync(HttpMethod.Post, DelegatesOfA,
            PeopleRequests.Delegate($"Consentante {PeopleRequests.Token()}", extra));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (created.Headers.Location!.ToString(), (await created.JsonAsync()).GetProperty("id").GetGuid());
    }
}
