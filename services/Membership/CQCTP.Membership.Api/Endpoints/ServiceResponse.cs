using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record ServiceResponse(
    Guid Id,
    Guid OrganizationId,
    string Category,
    BilingualText Name,
    BilingualText? Eligibility,
    IReadOnlyList<string> RegionCodes,
    IReadOnlyList<string> Languages,
    IReadOnlyList<ServiceFocus> Focus,
    bool IsPublic,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ServiceResponse From(ServiceOffering s) =>
        new(s.Id, s.OrganizationId, s.CategoryCode, s.Name, s.Eligibility, s.RegionCodes, s.Languages, s.Focus,
            s.IsPublic, s.CreatedAt, s.UpdatedAt);
}
