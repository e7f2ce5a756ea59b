namespace CQCTP.Security;

/// <summary>
/// The clients seeded in Development and Testing only (documented in the README), and the two member organizations
/// the portal clients act for, which the membership service seeds with these ids. Never seeded in Production.
/// </summary>
public static class DevelopmentClients
{
    public const string Staff = "dev-staff";
    public const string PortalA = "dev-portal-a";
    public const string PortalB = "dev-portal-b";
    public const string Integrator = "dev-integrator";

    public static readonly Guid OrganizationA = new("019ac5a0-0000-7000-8000-00000000000a");
    public static readonly Guid OrganizationB = new("019ac5a0-0000-7000-8000-00000000000b");

    public static IReadOnlyList<string> All { get; } = [Staff, PortalA, PortalB, Integrator];

    /// <summary>A development client's secret: <c>{client id}-secret</c>.</summary>
    public static string SecretOf(string clientId) => $"{clientId}-secret";
}
