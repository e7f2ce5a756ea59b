using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record OrganizationSummary(Guid Id, string LegalName, string? CommonName, OrganizationType? Type,
    string? RegionCode, MembershipStatus Status, MembershipType? MembershipType);
