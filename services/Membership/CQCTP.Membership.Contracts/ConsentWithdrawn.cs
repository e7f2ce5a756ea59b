namespace CQCTP.Membership.Contracts;

/// <summary>Published when a delegate withdraws a consent, recorded by staff or reported by Knowledge (unsubscribe).</summary>
public sealed record ConsentWithdrawn
{
    public required Guid DelegateId { get; init; }
    public required Guid OrganizationId { get; init; }

    /// <summary><c>newsletter</c> or <c>directory-listing</c>.</summary>
    public required string Purpose { get; init; }

    public required DateTimeOffset WithdrawnAt { get; init; }
}
