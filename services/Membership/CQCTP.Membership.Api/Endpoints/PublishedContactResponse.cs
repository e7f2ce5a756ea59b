using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record PublishedContactResponse(Guid Id, string Value, string NormalizedValue, BilingualText Label,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PublishedContactResponse From(PublishedContact c) =>
        new(c.Id, c.Value, c.NormalizedValue, c.Label, c.CreatedAt, c.UpdatedAt);
}
