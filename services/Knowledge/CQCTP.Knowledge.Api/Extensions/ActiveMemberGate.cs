using System.Security.Claims;
using CQCTP.Knowledge.Api.Data;
using CQCTP.Security;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Knowledge.Api.Extensions;

/// <summary>
/// Refuses a portal token at once when Knowledge last heard its organization as not an active member, without
/// waiting for the token to expire. Nothing heard yet (no row) lets it through, as the token endpoint does: only
/// Membership knows the status, and Knowledge learns it from its events.
/// </summary>
internal sealed class ActiveMemberGate(KnowledgeDbContext db) : IAccessTokenGate
{
    public async ValueTask<bool> AllowsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!principal.HasScope(Scopes.MembershipSelf))
        {
            return true;
        }

        return principal.OrganizationId() is { } organization
            && !await db.OrganizationStatuses.AsNoTracking()
                .AnyAsync(s => s.OrganizationId == organization && !s.IsActiveMember, cancellationToken);
    }
}
