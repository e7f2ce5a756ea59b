using System.Security.Claims;
using CQCTP.Security;

namespace CQCTP.Membership.Api.Endpoints;

internal static class MembershipCallers
{
    /// <summary>Who recorded a change: the OAuth client, never a person.</summary>
    public static string ClientId(this ClaimsPrincipal user) =>
        user.FindFirstValue(PlatformClaims.ClientId) ?? user.FindFirstValue(PlatformClaims.Subject) ?? "unknown";

    /// <summary>Staff and the organization's own portal see its address even when withheld; integrators do not.</summary>
    public static bool MaySeeAddressOf(this ClaimsPrincipal user, Guid organizationId) =>
        user.HasScope(Scopes.MembershipWrite) || (user.HasScope(Scopes.MembershipSelf) && user.OrganizationId() == organizationId);
}
