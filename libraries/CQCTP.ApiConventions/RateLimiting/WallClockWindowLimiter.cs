using System.Threading.RateLimiting;

namespace CQCTP.ApiConventions.RateLimiting;

/// <summary>
/// A fixed window aligned on the clock (a one-minute window runs from :00 to :59), so a refusal can say exactly when
/// the window frees up. The library's FixedWindowRateLimiter only reports a whole window as its retry-after, whatever
/// is left of it; there is no library here that reports the remainder.
/// </summary>
public sealed class WallClockWindowLimiter(FixedWindowLimit limit, TimeProvider clock) : RateLimiter
{
    /// <summary>A partition of fixed windows on the system clock, for a partitioned limiter or a rate-limiter policy.</summary>
    public static RateLimitPartition<string> Partition(string key, FixedWindowLimit limit) =>
        RateLimitPartition.Get(key, _ => new WallClockWindowLimiter(limit, TimeProvider.System));

    private readonly Lock gate = new();
    private long window = long.MinValue;
    private int used;
    private long lastUsedTicks = clock.GetUtcNow().UtcTicks;

    /// <summary>How long the partition has been idle, so the partitioned limiter can drop unused ones.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                return TimeSpan.FromTicks(clock.GetUtcNow().UtcTicks - lastUsedTicks);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow().UtcTicks;
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = now / limit.Window.Ticks == window ? Math.Max(0, limit.PermitLimit - used) : limit.PermitLimit,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow().UtcTicks;
            lastUsedTicks = now;
            var current = now / limit.Window.Ticks;
            if (current != window)
            {
                window = current;
                used = 0;
            }

            if (used + permitCount <= limit.PermitLimit)
            {
                used += permitCount;
                return WindowLease.Acquired;
            }

            return new WindowLease(TimeSpan.FromTicks(((current + 1) * limit.Window.Ticks) - now));
        }
    }

    // Refused requests are answered at once (429), never queued.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class WindowLease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Acquired = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
