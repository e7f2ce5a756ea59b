namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// What the public directory shows of an organization: only fields that are public by nature, and its address only
/// when the organization chose to publish it (a shelter never may).
/// </summary>
public sealed record DirectoryOrganization(
    Guid Id,
    string LegalName,
    string? CommonName,
    string? RegionCode,
    string? Website,
    string? PublicEmail,
    string? PublicPhone,
    DirectoryAddress? Address);
