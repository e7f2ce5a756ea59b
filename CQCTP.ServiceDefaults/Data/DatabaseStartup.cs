using System.Diagnostics;
using CQCTP.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CQCTP.ServiceDefaults.Data;

/// <summary>Seeds demo data into a freshly migrated database (Development only).</summary>
public interface IDbSeeder<in TContext> where TContext : DbContext
{
    Task SeedAsync(TContext context, CancellationToken cancellationToken);
}

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

    public static IServiceCollection AddDemoDataSeeder<TContext, TSeeder>(this IServiceCollection services)
        where TContext : DbContext
        where TSeeder : class, IDbSeeder<TContext> =>
        services.AddScoped<IDbSeeder<TContext>, TSeeder>();
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

        await context.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger, typeof(TContext).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        // Demo data belongs to Development (or an explicit DemoData:Seed, for the fresh-start test): Testing starts
        // empty so counts in tests are exact. Seeders write through the domain code and the outbox.
        if ((environment.IsDevelopment() || configuration.GetValue<bool>("DemoData:Seed")) && scope.ServiceProvider.GetService<IDbSeeder<TContext>>() is { } seeder)
        {
            await seeder.SeedAsync(context, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} migrated in {ElapsedMs:F0} ms")]
    private static partial void LogMigrated(ILogger logger, string context, double elapsedMs);
}
