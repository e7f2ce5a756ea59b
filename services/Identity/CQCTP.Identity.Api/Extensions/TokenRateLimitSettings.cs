using CQCTP.ApiConventions.RateLimiting;

namespace CQCTP.Identity.Api.Extensions;

/// <summary>The token endpoint's own limits (section <c>RateLimits:Token</c>), applied before any secret is checked.</summary>
public sealed class TokenRateLimitSettings
{
    public const string Section = "RateLimits:Token";

    /// <summary>Guesses at one client's secret; a real client asks for a token every few minutes at most.</summary>
    public FixedWindowLimit PerClient { get; set; } = new() { PermitLimit = 20 };

    /// <summary>
    /// Requests from one address, whatever client they name. Generous: behind the gateway (60 a minute per address)
    /// it only binds callers that reach the service directly.
    /// </summary>
    public FixedWindowLimit PerIp { get; set; } = new() { PermitLimit = 300 };
}
