using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Tests;

/// <summary>The organization's own rules, without a database: one test per transition.</summary>
public sealed class OrganizationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_TrimsAndNormalizes_AndStartsPending()
    {
        var organization = Organization.Register(Details("  Maison   Phare  "), Now);

        Assert.Equal(MembershipStatus.Pending, organization.Status);
        Assert.Equal("Maison   Phare", organization.LegalName);
        Assert.Equal("MAISON PHARE", organization.NormalizedLegalName);
        Assert.Equal(Now, organization.CreatedAt);
    }

    [Fact]
    public void Activate_FromPending_BecomesActive()
    {
        var organization = Organization.Register(Details("Maison Phare"), Now);

        organization.Activate(Now.AddDays(1));

        Assert.Equal(MembershipStatus.Active, organization.Status);
        Assert.Equal(Now.AddDays(1), organization.UpdatedAt);
    }

    [Fact]
    public void Activate_WhenAlreadyActive_IsAStateConflictWithACode()
    {
        var organization = Organization.Register(Details("Maison Phare"), Now);
        organization.Activate(Now);

        var refused = Assert.Throws<DomainException>(() => organization.Activate(Now.AddDays(1)));

        Assert.Equal(DomainRuleKind.StateConflict, refused.Kind);
        Assert.Equal(Organization.IllegalTransition, refused.Code);
        Assert.Contains("Active", refused.LocalizedMessage.En, StringComparison.Ordinal);
        Assert.Equal(Now, organization.UpdatedAt);
    }

    [Fact]
    public void Update_BlankOptionalFields_AreStoredAsAbsent()
    {
        var organization = Organization.Register(Details("Maison Phare"), Now);

        organization.Update(new OrganizationDetails("Maison Phare", "  ", "", null, " ", null), Now.AddHours(1));

        Assert.Null(organization.CommonName);
        Assert.Null(organization.RegionCode);
        Assert.Null(organization.Website);
        Assert.Equal(Now.AddHours(1), organization.UpdatedAt);
    }

    private static OrganizationDetails Details(string legalName) =>
        new(legalName, "Phare", "05", "info@phare.example", null, BilingualText.Of("Hébergement.", "Shelter."));
}
