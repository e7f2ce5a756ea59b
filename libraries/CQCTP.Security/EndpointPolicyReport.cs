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
        endpoints.MapGet(Path, async (EndpointDataSource source, IAuthorizationPolicyProvider policies) =>
                TypedResults.Ok(await DescribeAsync(source.Endpoints, policies)))
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public static IReadOnlyList<EndpointPolicy> Describe(IEnumerable<Endpoint> endpoints) =>
    [
        .. endpoints.OfType<RouteEndpoint>().Select(endpoint => new EndpointPolicy(
            "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'),
            endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? [],
            endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
            PolicyNames(endpoint),
            endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName)),
    ];

    /// <summary>As <see cref="Describe"/>, with the scopes each endpoint's policies accept.</summary>
    public static async Task<IReadOnlyList<EndpointPolicy>> DescribeAsync(IEnumerable<Endpoint> endpoints,
        IAuthorizationPolicyProvider policies)
    {
        var described = new List<EndpointPolicy>();
        foreach (var (endpoint, policy) in endpoints.OfType<RouteEndpoint>().Zip(Describe(endpoints)))
        {
            var sets = new List<IReadOnlyList<string>>();
            foreach (var name in PolicyNames(endpoint))
            {
                var requirements = (await policies.GetPolicyAsync(name))?.Requirements ?? [];
                sets.AddRange(requirements.OfType<ScopeRequirement>().Select(r => r.AnyOf));
            }

            described.Add(policy with { ScopeSets = sets });
        }

        return described;
    }

    private static string[] PolicyNames(Endpoint endpoint) =>
    [
        .. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).OfType<string>()
            .Where(p => p.Length > 0),
    ];
}
