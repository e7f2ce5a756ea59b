namespace CQCTP.Membership.Contracts;

/// <summary>Published when an organization's profile (names, regions) changes. Status changes have their own event.</summary>
public sealed record OrganizationProfileUpdated
{
    public required Guid OrganizationId { get; init; }
    public required string LegalName { get; init; }
    public string? CommonName { get; init; }

    /// <summary>The head office's administrative region (<c>01</c>–<c>17</c>).</summary>
    public string? RegionCode { get; init; }

    public IReadOnlyList<string> RegionsServed { get; init; } = [];
    public required DateTimeOffset UpdatedAt { get; init; }
}
