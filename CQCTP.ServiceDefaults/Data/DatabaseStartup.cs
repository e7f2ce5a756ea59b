using System.Diagnostics;
using CQCTP.ServiceDefaults.Http;
using CQCTP.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CQCTP.ServiceDefaults.Data;

/// <summary>Seeds rows into a freshly migrated database, in the environments it was registered for.</summary>
public interface IDbSeeder<in TContext> where TContext : DbContext
{
    Task SeedAsync(TContext context, CancellationToken cancellationToken);
}

/// <summary>A seeder and the environments it runs in (never Production).</summary>
public sealed record DbSeederRegistration<TContext>(Type SeederType, IReadOnlySet<string> Environments,
    bool IsDemoData = false)
    where TContext : DbContext;

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

internal sealed partial class DatabaseStartupService<TContext>(
    IServiceProvider services, IHostEnvironment environment, IConfiguration configuration,
    ILogger<DatabaseStartupService<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = DatabaseStartupExtensions.ActivitySource.StartActivity($"Migrate {typeof(TContext).Name}");
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var started = Stopwatch.GetTimestamp();

        // On a fresh database EF first reads a history table that does not exist yet and logs that as an error
        // (dotnet/efcore#37328): creating it first keeps operators' dashboards free of a false alarm.
        await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger, typeof(TContext).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        // Demo data belongs to Development (or an explicit DemoData:Seed, for the fresh-start test): Testing starts
        // empty so counts in tests are exact; the fixtures the development clients need run in Testing too.
        // Seeders write through the domain code and the outbox. Registration order is run order.
        var seedDemoData = configuration.GetValue<bool>("DemoData:Seed");
        foreach (var registration in scope.ServiceProvider.GetServices<DbSeederRegistration<TContext>>()
                     .Where(r => r.Environments.Contains(environment.EnvironmentName) || (r.IsDemoData && seedDemoData)))
        {
            var seeder = (IDbSeeder<TContext>)scope.ServiceProvider.GetRequiredService(registration.SeederType);
            await seeder.SeedAsync(context, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} migrated in {ElapsedMs:F0} ms")]
    private static partial void LogMigrated(ILogger logger, string context, double elapsedMs);
}
