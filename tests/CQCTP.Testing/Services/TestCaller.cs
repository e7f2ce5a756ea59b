using CQCTP.Security;

namespace CQCTP.Testing.Services;

/// <summary>Who a fast test calls as: the development clients' shapes (staff, integrator, a member's portal).</summary>
public sealed record TestCaller(string ClientId, IReadOnlyList<string> Scopes, Guid? OrganizationId = null)
{
    public static TestCaller Staff { get; } = new(DevelopmentClients.Staff, Security.Scopes.Staff);

    public static TestCaller Integrator { get; } = new(DevelopmentClients.Integrator, Security.Scopes.Integrator);

    public static TestCaller PortalA { get; } =
        new(DevelopmentClients.PortalA, Security.Scopes.Portal, DevelopmentClients.OrganizationA);

    public static TestCaller PortalB { get; } =
        new(DevelopmentClients.PortalB, Security.Scopes.Portal, DevelopmentClients.OrganizationB);
}
