namespace CQCTP.Membership.Api.Domain;

/// <summary>The kind of membership staff grant on approval: only regular members vote at the AGM.</summary>
public enum MembershipType
{
    Regular,
    Associate,
    Observer,
}
