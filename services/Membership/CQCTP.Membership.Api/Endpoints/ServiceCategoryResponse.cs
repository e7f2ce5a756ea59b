using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record ServiceCategoryResponse(string Code, BilingualText Label)
{
    public static ServiceCategoryResponse From(ServiceCategory category) => new(category.Code, category.Label);
}
