namespace CQCTP.Security;

/// <summary>
/// One endpoint and what guards it: the named policies, or that it is explicitly anonymous, the rate-limiter
/// policy it names (if any), and the scopes its policies accept: a token passes when it holds one scope of every set.
/// </summary>
public sealed record EndpointPolicy(string Route, IReadOnlyList<string> Methods, bool Anonymous,
    IReadOnlyList<string> Policies, string? RateLimiterPolicy = null,
    IReadOnlyList<IReadOnlyList<string>>? ScopeSets = null)
{
    /// <summary>Whether a token with <paramref name="scopes"/> passes the scope checks (true when there are none).</summary>
    public bool Accepts(IEnumerable<string> scopes)
    {
        var held = scopes.ToHashSet(StringComparer.Ordinal);
        return (ScopeSets ?? []).All(set => set.Any(held.Contains));
    }
}
