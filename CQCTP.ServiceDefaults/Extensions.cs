using System.Globalization;
using CQCTP.ServiceDefaults.Http;
using CQCTP.ServiceDefaults.Json;
using CQCTP.ServiceDefaults.Problems;
using CQCTP.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    /// <summary>Activity sources and meters every service exports, besides ASP.NET Core's and HttpClient's.</summary>
    public static readonly string[] TelemetrySources = ["Npgsql", "MassTransit", "CQCTP.*"];

    /// <summary>Telemetry, health, discovery, resilience and the shared HTTP conventions.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.AddHttpConventions();
        return builder;
    }

    /// <summary>ProblemDetails, localization (French first), JSON shape, idempotency: what every API shares.</summary>
    public static TBuilder AddHttpConventions<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
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

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetrySources))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetrySources)
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// The conventions' middleware, in order: errors, language, the caller's token and the endpoint's policy,
    /// idempotent replays (scoped by the caller, so after authentication).
    /// </summary>
    public static WebApplication UseHttpConventions(this WebApplication app)
    {
        app.UseProblemConventions();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseIdempotency();
        return app;
    }

    /// <summary>
    /// Errors as ProblemDetails and the caller's language. The status code pages also give the bodiless 401/403
    /// of the authentication handlers a ProblemDetails body, leaving their <c>WWW-Authenticate</c> header alone.
    /// </summary>
    public static WebApplication UseProblemConventions(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>
    /// <c>/health</c> (every check: ready to serve) and <c>/alive</c> (the process only), status text only,
    /// so they can stay anonymous without giving anything away.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") })
            .AllowAnonymous();
        if (app.Environment.IsEnvironment(PlatformEnvironments.Testing))
        {
            app.MapEndpointPolicyReport();
        }

        return app;
    }
}
