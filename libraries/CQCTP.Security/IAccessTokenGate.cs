using System.Security.Claims;

namespace CQCTP.Security;

/// <summary>
/// Lets a service refuse a token that is well signed but no longer acceptable, e.g. a portal token whose
/// organization is not an active member any more. Checked once per request, after the signature and lifetime.
/// </summary>
public interface IAccessTokenGate
{
    ValueTask<bool> AllowsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken);
}
