namespace CQCTP.Membership.Contracts;

/// <summary>Published when a delegate no longer represents the organization; consumers forget what they hold of them.</summary>
public sealed record DelegateRemoved
{
    public required Guid DelegateId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required DateTimeOffset RemovedAt { get; init; }
}
