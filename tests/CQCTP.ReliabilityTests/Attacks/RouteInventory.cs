using System.Text.RegularExpressions;
using CQCTP.Security;

namespace CQCTP.ReliabilityTests.Attacks;

/// <summary>Routes as the endpoint-policy reports list them, turned into requests a test can send.</summary>
public static partial class RouteInventory
{
    /// <summary>Routes anyone may call: probes, OpenAPI, the API reference, tokens and discovery, the report itself.</summary>
    public static bool IsPublic(string route) => PublicRoute().IsMatch(route);

    /// <summary>Routes of the services' own API (under <c>/api/v1/</c>), not their probes or documents.</summary>
    public static bool IsApi(EndpointPolicy route) =>
        route.Route.StartsWith("/api/v1/", StringComparison.Ordinal) && !IsPublic(route.Route) && !route.Route.Contains("**", StringComparison.Ordinal);

    /// <summary>The route with its parameters filled: the first with <paramref name="first"/> if given, the rest with new ids (or a year).</summary>
    public static string Concrete(string route, string? first = null)
    {
        var index = 0;
        // An int-constrained parameter (a fiscal year) gets a number, so the route matches and its policy answers.
        return Parameter().Replace(route, m => index++ == 0 && first is not null
            ? first
            : m.Value.Contains(":int", StringComparison.Ordinal) ? "2026" : Guid.NewGuid().ToString());
    }

    public static int ParameterCount(string route) => Parameter().Count(route);

    /// <summary>A route template as OpenAPI writes it: no constraints, no trailing slash.</summary>
    public static string Normalize(string route)
    {
        var path = Parameter().Replace(route, m => "{" + m.Groups["name"].Value + "}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    public static IEnumerable<(EndpointPolicy Route, string Method)> Operations(IEnumerable<EndpointPolicy> routes) =>
        routes.SelectMany(r => r.Methods.Where(m => m != "HEAD" && m != "OPTIONS").Select(m => (r, m)));

    public static string? BodyFor(string method) => method is "POST" or "PUT" or "PATCH" ? "{}" : null;

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^(/health|/alive|/_testing/endpoint-policies|/connect/token|/\.well-known/.*|/api/v1/[a-z]+/openapi/.*|/api-reference/?.*|/|/\{\*path:nonfile\})$")]
    private static partial Regex PublicRoute();
}
