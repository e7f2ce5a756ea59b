using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace CQCTP.Security;

public static class ScopeExtensions
{
    /// <summary>
    /// Whether the token grants <paramref name="scope"/>. The one place that reads the space-separated
    /// <c>scope</c> claim, so every service and the gateway agree on what a scope check means.
    /// </summary>
    public static bool HasScope(this ClaimsPrincipal principal, string scope) =>
        principal.FindAll(PlatformClaims.Scope).Any(claim =>
            claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));

    /// <summary>The organization a portal client acts for; null for every other client.</summary>
    public static Guid? OrganizationId(this ClaimsPrincipal principal) =>
        principal.HasScope(Scopes.MembershipSelf)
        && Guid.TryParse(principal.FindFirstValue(PlatformClaims.OrganizationId), out var id)
            ? id
            : null;

    public static string? ClientId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(PlatformClaims.ClientId) ?? principal.FindFirstValue(PlatformClaims.Subject);

    /// <summary>An authenticated caller holding at least one of <paramref name="anyOf"/>.</summary>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, params string[] anyOf) =>
        policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(anyOf));
}
