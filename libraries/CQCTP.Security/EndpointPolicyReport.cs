using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;

namespace CQCTP.Security;

public static class EndpointPolicyReport
{
    public const string Path = "/_testing/endpoint-policies";

    /// <summary>
    /// Lists every endpoint with its authorization metadata, so a test can prove none relies on the fallback.
    /// Mapped in the Testing environment only and never routed by the gateway.
    /// </summary>
    public static IEndpointRouteBuilder MapEndpointPolicyReport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (EndpointDataSource source) => TypedResults.Ok(Describe(source.Endpoints)))
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public static IReadOnlyList<EndpointPolicy> Describe(IEnumerable<Endpoint> endpoints) =>
    [
        .. endpoints.OfType<RouteEndpoint>().Select(endpoint => new EndpointPolicy(
            "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'),
            endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? [],
            endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
            [.. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(data => data.Policy).OfType<string>().Where(p => p.Length > 0)],
            endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName)),
    ];
}
