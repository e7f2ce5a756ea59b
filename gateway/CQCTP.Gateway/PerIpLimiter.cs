using System.Threading.RateLimiting;

namespace CQCTP.Gateway;

/// <summary>The gateway's pre-authentication limiter per IP, as a singleton so the container disposes it.</summary>
public sealed class PerIpLimiter(PartitionedRateLimiter<HttpContext> limiter) : IDisposable
{
    public PartitionedRateLimiter<HttpContext> Limiter { get; } = limiter;

    public void Dispose() => Limiter.Dispose();
}
