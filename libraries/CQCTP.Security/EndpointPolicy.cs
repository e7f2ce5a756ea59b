namespace CQCTP.Security;

/// <summary>One endpoint and what guards it: the named policies, or that it is explicitly anonymous.</summary>
public sealed record EndpointPolicy(string Route, IReadOnlyList<string> Methods, bool Anonymous,
    IReadOnlyList<string> Policies);
