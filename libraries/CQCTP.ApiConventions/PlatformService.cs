using CQCTP.ApiConventions.Data;
using CQCTP.ApiConventions.Resilience;
using CQCTP.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CQCTP.ApiConventions;

public static class PlatformService
{
    /// <summary>Request bodies larger than this are refused with 413 unless a route declares its own limit.</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>The readiness entries of a service's dependencies (<c>/health</c>).</summary>
    public const string DatabaseCheck = "database";

    public const string BrokerCheck = "broker";

    /// <summary>
    /// Longest a request may go unanswered before it gets 503 <c>service-unavailable</c> (answered at the deadline,
    /// whatever the code behind is still waiting on): within the 5 s promised, with room for a cold first request.
    /// </summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(4);

    /// <summary>
    /// What every domain service has: its own PostgreSQL database (migrated at start, idempotency keys in it),
    /// the broker connection, the HTTP conventions, and an OpenAPI document at <c>/api/v1/{service}/openapi/v1.json</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformService<TContext>(this IHostApplicationBuilder builder,
        string service, string title, string databaseResource)
        where TContext : DbContext
    {
        // Readiness reports each dependency under a name of ours; the database is required (Unhealthy without it),
        // the broker is not (Degraded: the outbox holds events until it is back).
        builder.AddNpgsqlDbContext<TContext>(databaseResource, settings =>
        {
            settings.ConnectionString = settings.ConnectionString is { } connectionString
                ? PlatformConnectionStrings.ForService(connectionString)
                : null;
            settings.DisableHealthChecks = true;
        },
        // EF compares the model with the migrations' snapshot before migrating, at every start: building the snapshot
        // model and diffing it cost a second of CPU per service (docs/benchmarks.md, start-up). The architecture tests
        // check every service's model against its migrations instead, before anything runs.
        options => options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        builder.Services.AddDatabaseStartup<TContext>();
        builder.AddRabbitMQClient(ResourceNames.Messaging, settings => settings.DisableHealthChecks = true);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<TContext>>(DatabaseCheck, HealthStatus.Unhealthy, ["ready"])
            .AddCheck<BrokerHealthCheck>(BrokerCheck, HealthStatus.Degraded, ["ready"]);
        builder.AddRequestTimeout();
        builder.AddHttpConventions();
        // The gateway's limit again, so a service reached directly refuses the same bodies (a route needing more,
        // such as a file upload, declares RequestSizeLimitAttribute metadata). Not on the gateway itself: its routes
        // set their own limit, and a process-wide one makes Kestrel drop the connection instead of draining it.
        var maxBody = builder.Configuration.GetValue("Limits:MaxRequestBodySize", DefaultMaxRequestBodySize);
        builder.Services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = maxBody);
        builder.AddApiDocumentation(service, title);
        return builder;
    }

    // A route needing longer (an upload, an export) declares its own with RequestTimeoutAttribute metadata.
    private static void AddRequestTimeout(this IHostApplicationBuilder builder) =>
        builder.Services.AddSingleton(new RequestTimeoutSetting(
            builder.Configuration.GetValue("Limits:RequestTimeout", DefaultRequestTimeout)));
}
