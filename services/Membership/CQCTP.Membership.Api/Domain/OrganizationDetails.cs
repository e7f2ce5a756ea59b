using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

public sealed record OrganizationDetails(
    string LegalName,
    string? CommonName,
    string? RegionCode,
    string? PublicEmail,
    string? Website,
    BilingualText? Description);
