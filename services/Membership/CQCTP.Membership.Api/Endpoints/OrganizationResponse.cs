using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>An organization as stored. <see cref="Address"/> is null for a caller who may not see a withheld one.</summary>
public sealed record OrganizationResponse(
    Guid Id,
    string LegalName,
    string? CommonName,
    OrganizationType? Type,
    IReadOnlyList<FocusArea> FocusAreas,
    string? RegionCode,
    IReadOnlyList<string> RegionsServed,
    IReadOnlyList<string> LanguagesServed,
    string? PublicEmail,
    string? PublicPhone,
    string? Website,
    BilingualText? Description,
    PostalAddress? Address,
    bool AddressIsPublic,
    MembershipStatus Status,
    MembershipType? MembershipType,
    DateOnly? StatusEffectiveDate,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrganizationResponse From(Organization o, bool maySeeAddress) =>
        new(o.Id, o.LegalName, o.CommonName, o.Type, o.FocusAreas, o.RegionCode, o.RegionsServed, o.LanguagesServed,
            o.PublicEmail, o.PublicPhone, o.Website, o.Description, maySeeAddress || o.AddressIsPublic ? o.Address : null,
            o.AddressIsPublic, o.Status, o.MembershipType, o.StatusEffectiveDate, o.CreatedAt, o.UpdatedAt);
}
