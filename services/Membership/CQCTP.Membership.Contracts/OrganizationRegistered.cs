namespace CQCTP.Membership.Contracts;

/// <summary>Published when an organization is registered (created) in Membership, whatever its status.</summary>
public sealed record OrganizationRegistered
{
    public required Guid OrganizationId { get; init; }
    public required string LegalName { get; init; }
    public string? CommonName { get; init; }

    /// <summary>The head office's administrative region (<c>01</c>–<c>17</c>).</summary>
    public string? RegionCode { get; init; }

    /// <summary>Every administrative region the organization serves (<c>01</c>–<c>17</c>); empty when not yet given.</summary>
    public IReadOnlyList<string> RegionsServed { get; init; } = [];

    /// <summary>The membership status at registration, in the API's spelling (<c>pending</c>, <c>active</c>…).</summary>
    public required string Status { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }
}
