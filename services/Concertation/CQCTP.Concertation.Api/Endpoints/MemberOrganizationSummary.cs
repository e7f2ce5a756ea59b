namespace CQCTP.Concertation.Api.Endpoints;

/// <summary>A member organization with its membership status as Membership last reported it.</summary>
public sealed record MemberOrganizationSummary(
    Guid OrganizationId,
    string LegalName,
    string? CommonName,
    string? RegionCode,
    string MembershipStatus,
    DateTimeOffset StatusReportedAt);
