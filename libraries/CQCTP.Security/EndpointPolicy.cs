namespace CQCTP.Security;

/// <summary>
/// One endpoint and what guards it: the named policies, or that it is explicitly anonymous, and the rate-limiter
/// policy it names (if any).
/// </summary>
public sealed record EndpointPolicy(string Route, IReadOnlyList<string> Methods, bool Anonymous,
    IReadOnlyList<string> Policies, string? RateLimiterPolicy = null);
