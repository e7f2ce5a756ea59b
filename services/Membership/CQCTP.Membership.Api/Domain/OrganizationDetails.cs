using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>An organization's profile; only the legal name is required, the rest can be completed later.</summary>
public sealed record OrganizationDetails(
    string LegalName,
    string? CommonName,
    string? RegionCode,
    string? PublicEmail,
    string? Website,
    BilingualText? Description,
    OrganizationType? Type = null,
    IReadOnlyList<FocusArea>? FocusAreas = null,
    IReadOnlyList<string>? RegionsServed = null,
    IReadOnlyList<string>? LanguagesServed = null,
    string? PublicPhone = null,
    PostalAddress? Address = null,
    bool AddressIsPublic = false);
