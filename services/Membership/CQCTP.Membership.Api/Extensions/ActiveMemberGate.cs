using System.Security.Claims;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Security;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Extensions;

/// <summary>
/// Membership owns the membership status, so it refuses a portal token at once when the token's organization is not
/// (or no longer) an active member, without waiting for the token to expire.
/// </summary>
internal sealed class ActiveMemberGate(MembershipDbContext db) : IAccessTokenGate
{
    public async ValueTask<bool> AllowsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!principal.HasScope(Scopes.MembershipSelf))
        {
            return true;
        }

        return principal.OrganizationId() is { } organization
            && await db.Organizations.AsNoTracking()
                .AnyAsync(o => o.Id == organization && o.Status == MembershipStatus.Active, cancellationToken);
    }
}
