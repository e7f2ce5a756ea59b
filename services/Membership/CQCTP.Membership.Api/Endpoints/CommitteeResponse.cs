using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record CommitteeResponse(Guid Id, CommitteeKind Kind, BilingualText Name, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CommitteeResponse From(Committee c) => new(c.Id, c.Kind, c.Name, c.CreatedAt, c.UpdatedAt);
}
