namespace CQCTP.Membership.Contracts;

/// <summary>Published when an organization is registered (created) in Membership, whatever its status.</summary>
public sealed record OrganizationRegistered
{
    public required Guid OrganizationId { get; init; }
    public required string LegalName { get; init; }
    public string? CommonName { get; init; }
    public string? RegionCode { get; init; }

    /// <summary>The membership status at registration, in the API's spelling (<c>pending</c>, <c>active</c>…).</summary>
    public required string Status { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }
}
