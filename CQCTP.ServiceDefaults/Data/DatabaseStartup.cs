using System.Diagnostics;
using CQCTP.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
    IServiceProvider services, IHostEnvironment environment, ILogger<DatabaseStartupService<TContext>> logger)
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

        // Demo data belongs to Development only: Testing starts empty so counts in tests are exact.
        if (environment.IsDevelopment() && scope.ServiceProvider.GetService<IDbSeeder<TContext>>() is { } seeder)
        {
            await seeder.SeedAsync(context, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} migrated in {ElapsedMs:F0} ms")]
    private static partial void LogMigrated(ILogger logger, string context, double elapsedMs);
}
