using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record AssemblyResponse(
    Guid Id,
    AssemblyKind Kind,
    BilingualText Title,
    DateTimeOffset StartsAt,
    string? Location,
    BilingualText? Convocation,
    int QuorumPercent,
    AssemblyStatus Status,
    DateTimeOffset? ConvenedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AssemblyResponse From(GeneralAssembly a) =>
        new(a.Id, a.Kind, a.Title, a.StartsAt, a.Location, a.Convocation, a.QuorumPercent,
            a.Status, a.ConvenedAt, a.OpenedAt, a.ClosedAt, a.CreatedAt, a.UpdatedAt);
}
