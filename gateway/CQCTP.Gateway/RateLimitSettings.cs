using CQCTP.ApiConventions.RateLimiting;

namespace CQCTP.Gateway;

/// <summary>The gateway's abuse limits (section <c>RateLimits</c>); a benchmark profile may raise them.</summary>
public sealed class RateLimitSettings
{
    public FixedWindowLimit PerClient { get; set; } = new() { PermitLimit = 600 };
    public FixedWindowLimit Anonymous { get; set; } = new() { PermitLimit = 120 };
    public FixedWindowLimit AnonymousWrite { get; set; } = new() { PermitLimit = 10 };
    public FixedWindowLimit Token { get; set; } = new() { PermitLimit = 60 };
    public FixedWindowLimit Probe { get; set; } = new() { PermitLimit = 600 };

    /// <summary>
    /// Every request from one IP, counted before authentication, so refused callers (no token, a bogus one) are limited
    /// too. Above every route's own limit: locally every caller, tests and benchmarks included, is 127.0.0.1.
    /// </summary>
    public FixedWindowLimit PerIp { get; set; } = new() { PermitLimit = 2400 };
}
