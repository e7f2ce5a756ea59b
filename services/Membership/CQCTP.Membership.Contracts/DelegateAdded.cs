namespace CQCTP.Membership.Contracts;

/// <summary>Published when an organization appoints a delegate. Carries no name or contact: consumers that need them ask.</summary>
public sealed record DelegateAdded
{
    public required Guid DelegateId { get; init; }
    public required Guid OrganizationId { get; init; }

    /// <summary><c>agm-delegate</c>, <c>primary-contact</c>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public required DateTimeOffset AddedAt { get; init; }
}
