using CQCTP.Identity.Api.Domain;
using CQCTP.Security;

namespace CQCTP.Identity.Api.Endpoints;

public static class ClientScopes
{
    /// <summary>The scopes a client of <paramref name="kind"/> may hold (the platform's scope catalog, docs/security.md).</summary>
    public static IReadOnlyList<string> AllowedFor(ClientKind kind) => kind switch
    {
        ClientKind.Staff => Scopes.Staff,
        ClientKind.Portal => Scopes.Portal,
        ClientKind.Integrator => Scopes.Integrator,
        _ => [],
    };
}
