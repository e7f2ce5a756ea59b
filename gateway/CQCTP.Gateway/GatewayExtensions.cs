using CQCTP.ApiConventions.Problems;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.ServiceDiscovery;
using Scalar.AspNetCore;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace CQCTP.Gateway;

public static class GatewayExtensions
{
    /// <summary>The services behind the gateway; each owns <c>/api/v1/{service}/</c>, routed without rewriting.</summary>
    public static readonly string[] Services = ["membership", "concertation", "knowledge", "funding", "identity", "integrations"];

    public const string ApiReferencePath = "/api-reference";

    /// <summary>The AsyncAPI catalogue of the integration events, served by the integrations service.</summary>
    public const string AsyncApiPath = "/asyncapi.json";

    /// <summary>
    /// The API reference page loads only what the gateway serves (Scalar's bundle and the OpenAPI documents); its
    /// configuration is an inline script, hence 'unsafe-inline' for scripts and styles and nothing from elsewhere.
    /// </summary>
    public const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRequestTimeouts();
        // The services set Content-Language on what they answer; the gateway only does for its own responses.
        builder.Services.PostConfigure<RequestLocalizationOptions>(o => o.ApplyCurrentCultureToResponseHeaders = false);
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(transforms => transforms.AddRequestTransform(context =>
            {
                GatewaySecurity.StripIdentityHeaders(context);
                return ValueTask.CompletedTask;
            }))
            .AddServiceDiscoveryDestinationResolver();

        var health = builder.Services.AddHealthChecks();
        foreach (var service in Services)
        {
            health.Add(new HealthCheckRegistration($"{service}-api",
                sp => new UpstreamHealthCheck(sp.GetRequiredService<ServiceEndpointResolver>(), service),
                HealthStatus.Unhealthy, ["ready"], TimeSpan.FromSeconds(3)));
        }

        return builder;
    }

    /// <summary>One API reference page listing every service's OpenAPI document, fetched through the gateway.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiReferencePath), page => page.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = ApiReferenceContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        }));
        app.MapScalarApiReference(ApiReferencePath, options =>
        {
            options.WithTitle("CQCTP — API");
            // The events are not HTTP: a link to their AsyncAPI catalogue above the reference, not another document.
            options.AddHeaderContent($"""
                <p style="margin:0;padding:.5rem 1rem;font-family:sans-serif;font-size:.9rem">
                  Événements d'intégration (RabbitMQ) / Integration events (RabbitMQ):
                  <a href="{AsyncApiPath}">AsyncAPI 3.0 — {AsyncApiPath}</a>
                </p>
                """);
            foreach (var service in Services)
            {
                options.AddDocument(service, service, $"/api/v1/{service}/openapi/v1.json");
            }
        }).AllowAnonymous().RequireRateLimiting(GatewaySecurity.AnonymousLimit);
        app.MapGet("/", () => Results.Redirect(ApiReferencePath)).ExcludeFromDescription().AllowAnonymous()
            .RequireRateLimiting(GatewaySecurity.AnonymousLimit);
        return app;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(RejectOversizedBodies);
            proxy.Use(TranslateForwarderErrors);
        });
        // Anything no route claims: a ProblemDetails 404, like the services' own. It gives nothing away, so anonymous.
        app.MapFallback(() => ApiProblems.NotFound()).AllowAnonymous().RequireRateLimiting(GatewaySecurity.AnonymousLimit);
        return app;
    }

    // The route's body limit is enforced by the forwarder while streaming; a declared oversized body is refused up
    // front with a 413 the caller can act on, instead of a broken upload.
    private static async Task RejectOversizedBodies(HttpContext context, Func<Task> next)
    {
        var limit = context.GetReverseProxyFeature().Route.Config.MaxRequestBodySize;
        if (limit is > 0 && context.Request.ContentLength > limit)
        {
            await WriteProblemAsync(context, ProblemCatalog.PayloadTooLarge);
            return;
        }

        await next();
    }

    // YARP answers forwarding failures with an empty body; callers get ProblemDetails with the right status instead.
    private static async Task TranslateForwarderErrors(HttpContext context, Func<Task> next)
    {
        await next();
        if (context.GetForwarderErrorFeature() is not { } error || context.Response.HasStarted)
        {
            return;
        }

        var kind = error.Error switch
        {
            ForwarderError.RequestBodyClient when IsBodyTooLarge(error.Exception) => ProblemCatalog.PayloadTooLarge,
            ForwarderError.RequestTimedOut => ProblemCatalog.GatewayTimeout,
            ForwarderError.NoAvailableDestinations => ProblemCatalog.ServiceUnavailable,
            ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled => null,
            ForwarderError.RequestBodyClient => ProblemCatalog.MalformedRequest,
            _ => ProblemCatalog.BadGateway,
        };
        if (kind is not null)
        {
            await WriteProblemAsync(context, kind);
        }
    }

    // A chunked body has no Content-Length to refuse up front: Kestrel stops it mid-stream, and YARP reports that
    // wrapped in its own exception.
    private static bool IsBodyTooLarge(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task WriteProblemAsync(HttpContext context, ProblemKind kind)
    {
        context.Response.StatusCode = kind.Status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ApiProblems.Create(kind),
        });
    }
}
