namespace CQCTP.Gateway;

/// <summary>The gateway's abuse limits (section <c>RateLimits</c>); a benchmark profile may raise them.</summary>
public sealed class RateLimitSettings
{
    public FixedWindowLimit PerClient { get; set; } = new() { PermitLimit = 600 };
    public FixedWindowLimit Anonymous { get; set; } = new() { PermitLimit = 120 };
    public FixedWindowLimit AnonymousWrite { get; set; } = new() { PermitLimit = 10 };
    public FixedWindowLimit Token { get; set; } = new() { PermitLimit = 60 };
}
