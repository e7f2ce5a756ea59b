using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record VoteResponse(Guid ResolutionId, Guid OrganizationId, Guid DelegateId, VoteChoice Choice, DateTimeOffset CastAt)
{
    public static VoteResponse From(Vote v) => new(v.ResolutionId, v.OrganizationId, v.DelegateId, v.Choice, v.CastAt);
}
