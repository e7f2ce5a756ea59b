using CQCTP.Integrations.Api.Catalogue;
using Microsoft.Net.Http.Headers;

namespace CQCTP.Integrations.Api.Endpoints;

/// <summary>
/// The AsyncAPI catalogue of the integration events: public (it describes no one), cacheable, and revalidated by its
/// ETag. The gateway also serves it at <c>/asyncapi.json</c>.
/// </summary>
public static class CatalogueEndpoints
{
    public const string Path = "/api/v1/integrations/asyncapi.json";

    public const string MediaType = "application/json";

    /// <summary>Shared caches may keep it an hour; the document changes only when the service is redeployed.</summary>
    public const string CacheControl = "public, max-age=3600";

    public static IEndpointRouteBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Get).WithName("GetAsyncApiCatalogue").WithTags("Catalogue").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: MediaType)
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("Catalogue AsyncAPI 3.0 des événements d'intégration (public) / AsyncAPI 3.0 catalogue of integration events (public)");
        return endpoints;
    }

    public static IResult Get(EventCatalogue catalogue, HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ETag = catalogue.ETag;
        headers.CacheControl = CacheControl;
        var current = new EntityTagHeaderValue(catalogue.ETag);
        if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(catalogue.Body, MediaType);
    }
}
