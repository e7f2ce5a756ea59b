namespace CQCTP.Membership.Contracts;

/// <summary>Published when a delegate joins or leaves a committee, or their role or term changes.</summary>
public sealed record CommitteeMembershipChanged
{
    public required Guid CommitteeId { get; init; }
    public required Guid DelegateId { get; init; }

    /// <summary><c>joined</c>, <c>updated</c> or <c>left</c>.</summary>
    public required string Change { get; init; }

    /// <summary><c>chair</c>, <c>secretary</c> or <c>member</c>; absent when the delegate left.</summary>
    public string? Role { get; init; }

    public DateOnly? TermStart { get; init; }
    public DateOnly? TermEnd { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
