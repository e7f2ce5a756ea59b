using System.Globalization;
using CQCTP.ApiConventions.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CQCTP.ApiConventions.Http;

/// <summary>
/// Optimistic concurrency over HTTP: single resources carry an <c>ETag</c> (their row version); changes must send it
/// back in <c>If-Match</c>. Missing → 428, stale → 412.
/// </summary>
public static class Preconditions
{
    public static string ETag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(this HttpResponse response, uint version) =>
        response.Headers.ETag = ETag(version);

    /// <summary>Endpoint filter: refuses the request with 428 when <c>If-Match</c> is absent.</summary>
    public static TBuilder RequireIfMatch<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (invocation, next) =>
            invocation.HttpContext.Request.Headers.IfMatch.Count == 0
                ? ApiProblems.Result(ProblemCatalog.PreconditionRequired)
                : await next(invocation));
        builder.WithMetadata(new RequiresIfMatchMetadata());
        return builder;
    }

    /// <summary>
    /// Null when <c>If-Match</c> matches <paramref name="currentVersion"/> (or is <c>*</c>), else the 412 to return.
    /// Weak tags never match: If-Match uses strong comparison (RFC 9110 §13.1.1).
    /// </summary>
    public static ProblemHttpResult? CheckIfMatch(HttpRequest request, uint currentVersion)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfMatch, out var tags) || tags.Count == 0)
        {
            return ApiProblems.Result(ProblemCatalog.PreconditionFailed);
        }

        var current = new EntityTagHeaderValue(ETag(currentVersion));
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: true))
            ? null
            : ApiProblems.Result(ProblemCatalog.PreconditionFailed);
    }

    /// <summary>
    /// Sets the resource's <c>ETag</c>; returns the 304 to answer when <c>If-None-Match</c> already names this version
    /// (or <c>*</c>), else null. If-None-Match uses weak comparison (RFC 9110 §13.1.2).
    /// </summary>
    public static StatusCodeHttpResult? CheckIfNoneMatch(HttpContext context, uint currentVersion)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = new EntityTagHeaderValue(ETag(currentVersion));
        context.Response.Headers.ETag = current.ToString();
        return EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false))
                ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : null;
    }
}
