using CQCTP.ApiConventions.Data;
using CQCTP.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace CQCTP.ApiConventions;

public static class PlatformService
{
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
        builder.AddApiDocumentation(service, title);
        return builder;
    }
}
