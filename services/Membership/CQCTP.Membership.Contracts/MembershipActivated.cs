namespace CQCTP.Membership.Contracts;

/// <summary>Published when an organization becomes an active member for the first time (its application is approved).</summary>
public sealed record MembershipActivated
{
    public required Guid OrganizationId { get; init; }

    /// <summary><c>regular</c> (votes), <c>associate</c> or <c>observer</c>.</summary>
    public required string MembershipType { get; init; }

    public required DateOnly EffectiveDate { get; init; }
    public required DateTimeOffset ActivatedAt { get; init; }
}
