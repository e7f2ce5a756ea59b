namespace CQCTP.Membership.Contracts;

/// <summary>
/// Published on every membership status change (activation, suspension, lapse, withdrawal, reactivation, refusal).
/// A consumer keeping the status compares <see cref="ChangedAt"/> with what it has: an older event never overwrites a
/// newer status.
/// </summary>
public sealed record MembershipStatusChanged
{
    public required Guid OrganizationId { get; init; }

    /// <summary>In the API's spelling: <c>pending</c>, <c>active</c>, <c>suspended</c>, <c>lapsed</c>, <c>withdrawn</c>, <c>refused</c>.</summary>
    public required string OldStatus { get; init; }

    public required string NewStatus { get; init; }

    /// <summary>Why, as staff wrote it (never about a person), or the job's reason (e.g. dues unpaid).</summary>
    public string? Reason { get; init; }

    public required DateOnly EffectiveDate { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
