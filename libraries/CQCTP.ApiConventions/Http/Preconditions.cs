using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using CQCTP.ApiConventions.Problems;
using CQCTP.Primitives;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CQCTP.ApiConventions.Http;

/// <summary>
/// Optimistic concurrency over HTTP: single resources carry an <c>ETag</c> (derived from their row version); changes
/// must send it back in <c>If-Match</c>. Missing → 428, stale → 412.
/// </summary>
public static class Preconditions
{
    /// <summary>
    /// The tag of one version of one resource: a hash of its id and row version, so the database's transaction
    /// counter (PostgreSQL <c>xmin</c>) is not handed out, and two resources never share a tag.
    /// </summary>
    public static string ETag(IVersioned resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Span<byte> input = stackalloc byte[20];
        resource.Id.TryWriteBytes(input);
        BinaryPrimitives.WriteUInt32LittleEndian(input[16..], resource.Version);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        return $"\"{Base64Url.EncodeToString(hash[..16])}\"";
    }

    public static void SetETag(this HttpResponse response, IVersioned resource) =>
        response.Headers.ETag = ETag(resource);

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
    /// Null when <c>If-Match</c> matches <paramref name="current"/>'s tag (or is <c>*</c>), else the 412 to return.
    /// Weak tags never match: If-Match uses strong comparison (RFC 9110 §13.1.1).
    /// </summary>
    public static ProblemHttpResult? CheckIfMatch(HttpRequest request, IVersioned current)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfMatch, out var tags) || tags.Count == 0)
        {
            return ApiProblems.Result(ProblemCatalog.PreconditionFailed);
        }

        var currentTag = new EntityTagHeaderValue(ETag(current));
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(currentTag, useStrongComparison: true))
            ? null
            : ApiProblems.Result(ProblemCatalog.PreconditionFailed);
    }

    /// <summary>
    /// Sets the resource's <c>ETag</c>; returns the 304 to answer when <c>If-None-Match</c> already names this version
    /// (or <c>*</c>), else null. If-None-Match uses weak comparison (RFC 9110 §13.1.2).
    /// </summary>
    public static StatusCodeHttpResult? CheckIfNoneMatch(HttpContext context, IVersioned current)
    {
        ArgumentNullException.ThrowIfNull(context);
        var currentTag = new EntityTagHeaderValue(ETag(current));
        context.Response.Headers.ETag = currentTag.ToString();
        return EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(currentTag, useStrongComparison: false))
                ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : null;
    }
}
