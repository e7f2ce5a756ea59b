namespace CQCTP.Membership.Api.Domain;

/// <summary>Board (conseil d'administration), coordination committee, clinical committee, or another committee.</summary>
public enum CommitteeKind
{
    Board,
    Coordination,
    Clinical,
    Other,
}
