using CQCTP.ApiConventions.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CQCTP.ApiConventions.Http;

public static class ApiEndpoints
{
    /// <summary>A resource's route group: request validation and the error statuses every endpoint can answer.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints, string prefix, string tag)
    {
        var group = endpoints.MapGroup(prefix).WithTags(tag);
        group.AddEndpointFilterFactory(ValidationFilter.Create);
        group.ProducesProblem(StatusCodes.Status400BadRequest);
        group.ProducesProblem(StatusCodes.Status500InternalServerError);
        return group;
    }
}
