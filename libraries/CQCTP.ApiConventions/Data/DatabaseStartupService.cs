using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CQCTP.ApiConventions.Data;

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
