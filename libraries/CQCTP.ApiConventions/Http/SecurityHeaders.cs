using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CQCTP.ApiConventions.Http;

/// <summary>
/// Headers every response carries: <c>nosniff</c>; HSTS on https; and <c>Cache-Control: no-store</c> on every
/// authenticated response and on anonymous endpoints marked <see cref="WithNoStore{TBuilder}"/>: what a caller was
/// allowed to read stays out of every cache, a browser's included (OWASP API8). Clients still revalidate with the
/// <c>ETag</c> they kept themselves (<c>If-None-Match</c> → 304).
/// </summary>
public static class SecurityHeaders
{
    public const string NoStore = "no-store";

    /// <summary>One year, as browsers' preload lists expect; sent only over https (RFC 6797 §7.2).</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Responses of this endpoint are never stored by any cache, even to an anonymous caller (a receipt).</summary>
    public static TBuilder WithNoStore<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new NoStoreMetadata());
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // On starting, so the exception handler's cleared responses and proxied ones get them too.
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        if (context.User.Identity?.IsAuthenticated == true
            || context.GetEndpoint()?.Metadata.GetMetadata<NoStoreMetadata>() is not null)
        {
            // Overrides what a handler set: an authenticated answer is never cacheable, whatever its endpoint says.
            headers.CacheControl = NoStore;
            // For HTTP/1.0 caches, which ignore Cache-Control.
            headers.Pragma = "no-cache";
        }
    }
}
