namespace CQCTP.Identity.Api.Broker;

/// <summary>
/// The <c>Broker</c> section: the broker's management API and the provisioning account the AppHost hands the
/// service. Without <see cref="Management"/>, integrators get no broker user (a deployment without that door).
/// </summary>
public sealed class BrokerProvisioningOptions
{
    public const string Section = "Broker";

    /// <summary>The management plugin's URL, e.g. <c>http://localhost:15672</c>.</summary>
    public Uri? Management { get; set; }

    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>How often every integrator's broker user is compared with its client and corrected.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);
}
