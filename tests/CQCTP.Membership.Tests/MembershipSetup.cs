using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Membership.Tests;

/// <summary>
/// Members, delegates and dues written through the domain, for tests whose subject is elsewhere (votes, renewals):
/// the endpoints that create them have their own tests.
/// </summary>
internal static class MembershipSetup
{
    public static async Task<Guid> MemberAsync(this MembershipFixture fixture, MembershipType type, DateOnly since,
        int? paidYear = null)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var now = DateTimeOffset.UtcNow;
        var organization = Organization.Register(
            new OrganizationDetails($"Membre {Guid.NewGuid():N}", null, "06", null, null, null), now);
        organization.Activate(type, new MembershipDecision(null, since, "test", now));
        db.Organizations.Add(organization);
        if (paidYear is { } year)
        {
            db.Dues.Add(MembershipDues.Record(organization.Id, year, 100m, Organization.Today(now), Organization.Today(now), now));
        }

        await db.SaveChangesAsync();
        return organization.Id;
    }

    public static async Task<Guid> DelegateAsync(this MembershipFixture fixture, Guid organizationId,
        PreferredLanguage language = PreferredLanguage.Fr, params DelegateRole[] roles)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var appointed = MemberDelegate.Appoint(organizationId, new DelegateDetails(
            "Personne Déléguée (test)", null, $"d{Guid.NewGuid():N}@exemple.test", null, language, roles),
            DateTimeOffset.UtcNow);
        db.Delegates.Add(appointed);
        await db.SaveChangesAsync();
        return appointed.Id;
    }
}
