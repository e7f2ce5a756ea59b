using System.Globalization;
using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Json;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Resilience;
using CQCTP.Security;
using CQCTP.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CQCTP.ApiConventions;

public static class HttpConventions
{
    /// <summary>
    /// ProblemDetails, localization (French first), JSON shape, no server banner: what every HTTP
    /// API of the platform shares.
    /// </summary>
    public static TBuilder AddHttpConventions<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemCatalog.Enrich);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            // Neutral cultures too, so "en" and "en-US" match as well as "en-CA".
            CultureInfo[] cultures = [new("fr-CA"), new("fr"), new("en-CA"), new("en")];
            options.DefaultRequestCulture = new RequestCulture(cultures[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.ApplyCurrentCultureToResponseHeaders = true;
            options.FallBackToParentUICultures = true;
            options.FallBackToParentCultures = true;
            // Only the Accept-Language header: no cookie or query string to keep the API stateless and cache-friendly.
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return builder;
    }

    /// <summary>
    /// The conventions' middleware, in order: errors, language, the caller's token and the endpoint's policy, the
    /// request timeout (503 when a dependency does not answer; before idempotency, whose store is the database too),
    /// idempotent replays (scoped by the caller, so after authentication).
    /// </summary>
    public static WebApplication UseHttpConventions(this WebApplication app)
    {
        app.UseProblemConventions();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestDeadline(app.Services.GetRequiredService<RequestTimeoutSetting>().Timeout);
        app.UseIdempotency();
        return app;
    }

    /// <summary>
    /// Security headers, errors as ProblemDetails and the caller's language. The status code pages also give the bodiless 401/403
    /// of the authentication handlers a ProblemDetails body, leaving their <c>WWW-Authenticate</c> header alone.
    /// </summary>
    public static WebApplication UseProblemConventions(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>
    /// What every service maps besides its resources: <c>/health</c> and <c>/alive</c>, its OpenAPI document, and in
    /// Testing the endpoint-policy report the access tests read.
    /// </summary>
    public static WebApplication MapPlatformEndpoints(this WebApplication app, string service)
    {
        app.MapDefaultEndpoints();
        app.MapApiDocumentation(service);
        if (app.Environment.IsEnvironment(PlatformEnvironments.Testing))
        {
            app.MapEndpointPolicyReport();
        }

        return app;
    }
}
