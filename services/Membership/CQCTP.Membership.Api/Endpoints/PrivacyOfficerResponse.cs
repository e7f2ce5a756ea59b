using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record PrivacyOfficerResponse(string Name, BilingualText Title, string Email, string? Phone,
    DateTimeOffset UpdatedAt)
{
    public static PrivacyOfficerResponse From(PrivacyOfficer o) => new(o.Name, o.Title, o.Email, o.Phone, o.UpdatedAt);
}
