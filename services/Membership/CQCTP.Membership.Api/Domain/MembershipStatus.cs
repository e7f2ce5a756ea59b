namespace CQCTP.Membership.Api.Domain;

/// <summary>Where an organization stands in the coalition (statut de membre).</summary>
public enum MembershipStatus
{
    Pending,
    Active,
    Suspended,
    Lapsed,
    Withdrawn,

    /// <summary>Its application was refused; it never became a member.</summary>
    Refused,
}
