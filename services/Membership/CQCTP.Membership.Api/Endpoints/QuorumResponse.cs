using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>The quorum now: voting organizations (active, paid-up regular members), those represented, those required.</summary>
public sealed record QuorumResponse(int VotingOrganizations, int Represented, int Required, int Percent, bool IsMet)
{
    public static QuorumResponse From(Quorum q) => new(q.VotingOrganizations, q.Represented, q.Required, q.Percent, q.IsMet);
}
