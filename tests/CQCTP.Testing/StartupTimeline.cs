using System.Collections.Concurrent;
using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CQCTP.Testing;

/// <summary>
/// When each resource first reached each state (Starting, Running, healthy, Finished) since the AppHost was asked to
/// start: where a start-up's seconds go, for the start-up benchmark and any fixture that wants to print it.
/// </summary>
public sealed class StartupTimeline
{
    public const string Healthy = "Healthy";

    private readonly ConcurrentDictionary<(string Resource, string Milestone), TimeSpan> milestones = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>Milestones in the order they were reached.</summary>
    public IReadOnlyList<(string Resource, string Milestone, TimeSpan At)> Milestones =>
        [.. milestones.Select(m => (m.Key.Resource, m.Key.Milestone, m.Value)).OrderBy(m => m.Value)];

    public TimeSpan? At(string resource, string milestone) =>
        milestones.TryGetValue((resource, milestone), out var at) ? at : null;

    /// <summary>Records until <paramref name="cancellationToken"/> is cancelled; never throws for that.</summary>
    public async Task RecordAsync(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(cancellationToken))
            {
                var name = change.Resource.Name;
                if (change.Snapshot.State?.Text is { Length: > 0 } state)
                {
                    milestones.TryAdd((name, state), clock.Elapsed);
                }

                if (change.Snapshot.HealthStatus == HealthStatus.Healthy)
                {
                    milestones.TryAdd((name, Healthy), clock.Elapsed);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
