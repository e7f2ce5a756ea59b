namespace CQCTP.Membership.Api.Domain;

/// <summary>A resolution is proposed, put to the vote, then adopted or rejected.</summary>
public enum ResolutionStatus
{
    Proposed,
    Voting,
    Adopted,
    Rejected,
}
