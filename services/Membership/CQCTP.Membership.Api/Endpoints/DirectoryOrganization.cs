namespace CQCTP.Membership.Api.Endpoints;

/// <summary>What the public directory shows of an organization: only fields that are public by nature.</summary>
public sealed record DirectoryOrganization(
    Guid Id,
    string LegalName,
    string? CommonName,
    string? RegionCode,
    string? Website,
    string? PublicEmail);
