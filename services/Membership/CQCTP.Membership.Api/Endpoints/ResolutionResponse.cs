using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record ResolutionResponse(
    Guid Id,
    Guid AssemblyId,
    int Number,
    BilingualText Text,
    ResolutionStatus Status,
    int For,
    int Against,
    int Abstain,
    DateTimeOffset? DecidedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ResolutionResponse From(Resolution r) =>
        new(r.Id, r.AssemblyId, r.Number, r.Text, r.Status, r.For, r.Against, r.Abstain, r.DecidedAt, r.CreatedAt,
            r.UpdatedAt);
}
