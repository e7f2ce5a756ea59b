namespace CQCTP.ApiConventions.RateLimiting;

/// <summary>A fixed window: so many requests per window and partition.</summary>
public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
