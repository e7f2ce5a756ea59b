using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Tests;

/// <summary>The organization's own rules, without a database.</summary>
public sealed class OrganizationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_TrimsAndNormalizes_AndStartsPending()
    {
        var organization = Organization.Register(Details("  Maison   Phare  "), Now);

        Assert.Equal(MembershipStatus.Pending, organization.Status);
        Assert.Equal("Maison   Phare", organization.LegalName);
        Assert.Equal("maison phare", organization.NormalizedLegalName);
        Assert.Equal(Now, organization.CreatedAt);
        Assert.Empty(organization.History);
    }

    [Theory]
    [InlineData("Maison l'Étoile", "MAISON L ETOILE")]
    [InlineData("Clinique  juridique, Passerelle!", "clinique juridique passerelle")]
    [InlineData("Œuvre des Sœurs — Québec", "oeuvre des soeurs quebec")]
    [InlineData("Centre d’aide (Montréal)", "centre d aide montreal")]
    public void Normalize_IgnoresCaseAccentsPunctuationAndSpacing(string one, string other)
    {
        Assert.Equal(Organization.Normalize(one), Organization.Normalize(other));
    }

    [Fact]
    public void Normalize_KeepsDifferentNamesApart()
    {
        Assert.NotEqual(Organization.Normalize("Maison Phare 1"), Organization.Normalize("Maison Phare 2"));
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

    [Fact]
    public void Update_FullProfile_NormalizesListsAndPostalCode_AndKeepsTheAddressPrivateByDefault()
    {
        var organization = Organization.Register(Details("Maison Phare"), Now);

        organization.Update(Details("Maison Phare") with
        {
            Type = OrganizationType.CommunityOrganization,
            FocusAreas = [FocusArea.ForcedLabour, FocusArea.SexualExploitation],
            RegionsServed = ["06", "05", "06"],
            LanguagesServed = ["FR", "en"],
            Address = new PostalAddress(" 1 rue Principale ", "Sherbrooke", "j1h5n4", "05"),
        }, Now);

        Assert.Equal(["05", "06"], organization.RegionsServed);
        Assert.Equal(["fr", "en"], organization.LanguagesServed);
        Assert.Equal("J1H 5N4", organization.Address?.PostalCode);
        Assert.Equal("1 rue Principale", organization.Address?.Street);
        Assert.False(organization.AddressIsPublic);
    }

    [Fact]
    public void Update_AShelterPublishingItsAddress_IsARuleViolation()
    {
        var organization = Organization.Register(Details("Maison Phare"), Now);

        var refused = Assert.Throws<DomainException>(() => organization.Update(Details("Maison Phare") with
        {
            Type = OrganizationType.Shelter,
            Address = new PostalAddress("1 rue Principale", "Sherbrooke", "J1H 5N4", "05"),
            AddressIsPublic = true,
        }, Now));

        Assert.Equal(DomainRuleKind.RuleBroken, refused.Kind);
        Assert.Equal(Organization.ShelterAddressPrivate, refused.Code);
    }

    [Fact]
    public void Update_WithTheSameLegalName_KeepsAReportedCollisionKey()
    {
        var organization = Organization.Register(Details("Maison Phare"), Now);
        var normalized = organization.NormalizedLegalName;

        organization.Update(Details("Maison Phare") with { CommonName = "Autre" }, Now);
        var keptKey = organization.NormalizedLegalName;
        organization.Update(Details("Maison Phare du Lac"), Now);

        Assert.Equal(normalized, keptKey);
        Assert.Equal("maison phare du lac", organization.NormalizedLegalName);
    }

    internal static OrganizationDetails Details(string legalName) =>
        new(legalName, "Phare", "05", "info@phare.example", null, BilingualText.Of("Hébergement.", "Shelter."));
}
