using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Data;

/// <summary>One organization of the Development demo data, with its services as (category, name fr, name en, public).</summary>
internal sealed record DemoMember(
    string LegalName,
    string? CommonName,
    string RegionCode,
    OrganizationType OrganizationType,
    FocusArea[] Focus,
    string[] RegionsServed,
    string DescriptionFr,
    string DescriptionEn,
    (string Category, string Fr, string En, bool IsPublic)[] Services,
    MembershipType Type)
{
    public OrganizationDetails Details(int index)
    {
        var shelter = OrganizationType == OrganizationType.Shelter;
        return new OrganizationDetails(
            LegalName, CommonName, RegionCode, $"info@membre{index + 1}.example", $"https://membre{index + 1}.example",
            BilingualText.Of(DescriptionFr, DescriptionEn), OrganizationType, Focus, RegionsServed, ["fr", "en"],
            $"514-555-01{index:00}",
            // A shelter's address exists for staff and is never published.
            new PostalAddress($"{100 + index} rue Exemple", "Ville démo", "H2X 1Y4", RegionCode),
            AddressIsPublic: !shelter);
    }
}
