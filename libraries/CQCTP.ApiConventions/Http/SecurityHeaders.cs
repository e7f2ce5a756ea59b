using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CQCTP.ApiConventions.Http;

/// <summary>
/// Headers every response carries: <c>nosniff</c>; HSTS on https; and on authenticated responses a
/// <c>Cache-Control</c> that keeps them out of shared caches — <c>no-store</c> where the endpoint says it carries
/// personal fields or secrets, <c>private, no-cache</c> elsewhere so the ETag/304 path keeps working.
/// </summary>
public static class SecurityHeaders
{
    public const string NoStore = "no-store";
    public const string PrivateRevalidate = "private, no-cache";

    /// <summary>One year, as browsers' preload lists expect; sent only over https (RFC 6797 §7.2).</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Responses of this endpoint are never stored by any cache (personal fields, secrets).</summary>
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

        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<NoStoreMetadata>() is not null)
        {
            headers.CacheControl = NoStore;
            headers.Pragma = "no-cache";
        }
        else if (!headers.ContainsKey(HeaderNames.CacheControl))
        {
            headers.CacheControl = PrivateRevalidate;
        }
    }
}
