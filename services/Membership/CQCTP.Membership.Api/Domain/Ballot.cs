namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// The facts a vote is checked against, gathered when it is cast: whether the organization may vote (an active
/// regular member whose dues for the assembly's fiscal year are paid), whether the delegate casting it represents it
/// and is recorded present, and the quorum at that moment.
/// </summary>
public sealed record Ballot(
    Guid OrganizationId,
    Guid DelegateId,
    VoteChoice Choice,
    bool OrganizationMayVote,
    bool DelegatePresent,
    Quorum Quorum);
