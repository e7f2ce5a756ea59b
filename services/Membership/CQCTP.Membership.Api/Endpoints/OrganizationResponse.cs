using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record OrganizationResponse(
    Guid Id,
    string LegalName,
    string? CommonName,
    string? RegionCode,
    string? PublicEmail,
    string? Website,
    BilingualText? Description,
    MembershipStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrganizationResponse From(Organization o) =>
        new(o.Id, o.LegalName, o.CommonName, o.RegionCode, o.PublicEmail, o.Website, o.Description, o.Status,
            o.CreatedAt, o.UpdatedAt);
}
