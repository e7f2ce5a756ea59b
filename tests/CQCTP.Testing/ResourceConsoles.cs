using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;

namespace CQCTP.Testing;

/// <summary>
/// The console lines each of the platform's processes wrote since its start, as the dashboard's console view shows
/// them: what an operator reads. Recording stops at dispose; at most <see cref="MaxLinesPerResource"/> are kept.
/// </summary>
public sealed class ResourceConsoles
{
    public const int MaxLinesPerResource = 20_000;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> lines = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Of(string resource) => lines.TryGetValue(resource, out var queue) ? [.. queue] : [];

    /// <summary>Records until <paramref name="cancellationToken"/> is cancelled; never throws for that.</summary>
    public async Task RecordAsync(ResourceLoggerService logs, IResource resource, CancellationToken cancellationToken)
    {
        var queue = lines.GetOrAdd(resource.Name, _ => new ConcurrentQueue<string>());
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(cancellationToken))
            {
                foreach (var line in batch.Where(_ => queue.Count < MaxLinesPerResource))
                {
                    queue.Enqueue(line.Content);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
