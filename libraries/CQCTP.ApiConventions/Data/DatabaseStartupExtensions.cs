using System.Diagnostics;
using CQCTP.ApiConventions.Http;
using CQCTP.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CQCTP.ApiConventions.Data;

public static class DatabaseStartupExtensions
{
    public static readonly ActivitySource ActivitySource = new("CQCTP.Migrations");

    /// <summary>
    /// Applies the context's migrations before the service accepts requests (hosted services start before Kestrel),
    /// then seeds demo data in Development. EF takes a migration lock, so replicas starting together are safe.
    /// Also registers the idempotency store in the same database.
    /// </summary>
    public static IServiceCollection AddDatabaseStartup<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddHostedService<DatabaseStartupService<TContext>>();
        services.AddScoped<IIdempotencyStore, EfIdempotencyStore<TContext>>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Fictional demo data for people trying the platform: Development only, so tests start empty.</summary>
    public static IServiceCollection AddDemoDataSeeder<TContext, TSeeder>(this IServiceCollection services)
        where TContext : DbContext
        where TSeeder : class, IDbSeeder<TContext> =>
        services.AddSeeder<TContext, TSeeder>(isDemoData: true, Environments.Development);

    /// <summary>
    /// Fixed rows that the development clients rely on (their client registrations, the member organizations the
    /// portal clients act for): Development and Testing, never elsewhere. Seeders run in registration order.
    /// </summary>
    public static IServiceCollection AddDevelopmentFixtureSeeder<TContext, TSeeder>(this IServiceCollection services)
        where TContext : DbContext
        where TSeeder : class, IDbSeeder<TContext> =>
        services.AddSeeder<TContext, TSeeder>(isDemoData: false, Environments.Development, PlatformEnvironments.Testing);

    private static IServiceCollection AddSeeder<TContext, TSeeder>(this IServiceCollection services, bool isDemoData,
        params string[] environments)
        where TContext : DbContext
        where TSeeder : class, IDbSeeder<TContext>
    {
        services.AddScoped<TSeeder>();
        services.AddSingleton(new DbSeederRegistration<TContext>(typeof(TSeeder),
            environments.ToHashSet(StringComparer.OrdinalIgnoreCase), isDemoData));
        return services;
    }
}
