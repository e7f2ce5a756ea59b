using System.Diagnostics;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CQCTP.AppHost;

/// <summary>
/// Logs when each resource started, ran and turned healthy, counted from the AppHost process's start, then (at
/// Information) when the gateway, whose readiness includes every service's, is ready: where a developer's start-up
/// seconds go, without the dashboard. <c>scripts/bench.sh</c> turns the Debug milestones on as its start-up breakdown.
/// </summary>
internal sealed partial class StartupReport(
    ResourceNotificationService notifications, ILogger<StartupReport> logger)
{
    private readonly HashSet<(string Resource, string Milestone)> reported = [];

    public static void AddStartupReport(IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return;
        }

        builder.Services.AddSingleton<StartupReport>();
        // Before any resource starts: a hosted service would begin watching only once the orchestrator had started them.
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, cancellationToken) =>
        {
            var report = @event.Services.GetRequiredService<StartupReport>();
            var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = Task.Run(() => report.WatchAsync(stopping), stopping);
            return Task.CompletedTask;
        });
    }

    private async Task WatchAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stopping))
            {
                var resource = change.Resource.Name;
                if (change.Snapshot.State?.Text is { Length: > 0 } state
                    && (state == KnownResourceStates.Starting || state == KnownResourceStates.Running
                        || state == KnownResourceStates.Finished)
                    && reported.Add((resource, state)))
                {
                    LogMilestone(logger, resource, state, SinceProcessStart());
                }

                if (change.Snapshot.HealthStatus == HealthStatus.Healthy && reported.Add((resource, "Healthy")))
                {
                    LogMilestone(logger, resource, "Healthy", SinceProcessStart());
                    if (resource == ResourceNames.Gateway)
                    {
                        LogReady(logger, SinceProcessStart());
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    // From the process's start: the AppHost's own start-up (DCP, the dashboard) counts too.
    private static double SinceProcessStart()
    {
        using var self = Process.GetCurrentProcess();
        return (DateTime.Now - self.StartTime).TotalSeconds;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Start-up: {Resource} {Milestone} at {Seconds:F1} s")]
    private static partial void LogMilestone(ILogger logger, string resource, string milestone, double seconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Start-up: the platform is ready {Seconds:F1} s after the AppHost started (the gateway and every service behind it are healthy)")]
    private static partial void LogReady(ILogger logger, double seconds);
}
