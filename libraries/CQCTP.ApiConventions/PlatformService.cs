using CQCTP.ApiConventions.Data;
using CQCTP.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CQCTP.ApiConventions;

public static class PlatformService
{
    /// <summary>Request bodies larger than this are refused with 413 unless a route declares its own limit.</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>
    /// What every domain service has: its own PostgreSQL database (migrated at start, idempotency keys in it),
    /// the broker connection, the HTTP conventions, and an OpenAPI document at <c>/api/v1/{service}/openapi/v1.json</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformService<TContext>(this IHostApplicationBuilder builder,
        string service, string title, string databaseResource)
        where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(databaseResource, settings =>
            settings.ConnectionString = settings.ConnectionString is { } connectionString
                ? PlatformConnectionStrings.ForService(connectionString)
                : null);
        builder.Services.AddDatabaseStartup<TContext>();
        builder.AddRabbitMQClient(ResourceNames.Messaging);
        builder.AddHttpConventions();
        // The gateway's limit again, so a service reached directly refuses the same bodies (a route needing more,
        // such as a file upload, declares RequestSizeLimitAttribute metadata). Not on the gateway itself: its routes
        // set their own limit, and a process-wide one makes Kestrel drop the connection instead of draining it.
        var maxBody = builder.Configuration.GetValue("Limits:MaxRequestBodySize", DefaultMaxRequestBodySize);
        builder.Services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = maxBody);
        builder.AddApiDocumentation(service, title);
        return builder;
    }
}
