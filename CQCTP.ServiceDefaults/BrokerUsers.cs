namespace CQCTP.ServiceDefaults;

/// <summary>The names and tags of the broker's users (docs/security.md, docs/adr/0005).</summary>
public static class BrokerUsers
{
    /// <summary>
    /// Set on every integrator's user: the identity service only ever changes or deletes users that carry it, so it
    /// cannot touch a service's user or the administrator.
    /// </summary>
    public const string IntegratorTag = "cqctp-integrator";

    /// <summary>The account the identity service keeps integrators' users in step with (RabbitMQ tag administrator).</summary>
    public const string Provisioning = "identity.provisioning";

    /// <summary>
    /// A service's own user: <c>service.membership</c>. Client ids cannot hold a dot, so no integrator's user can
    /// ever take a service's name.
    /// </summary>
    public static string OfService(string service) => $"service.{service}";
}
