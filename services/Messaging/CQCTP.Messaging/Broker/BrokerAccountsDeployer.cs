namespace CQCTP.Messaging.Broker;

/// <summary>
/// Creates (or updates) the services' own broker users and the identity service's provisioning account, with the
/// administrator account the topology step holds. Idempotent: every start puts the same users and permissions.
/// </summary>
public static class BrokerAccountsDeployer
{
    /// <summary>RabbitMQ's tag for managing users (and closing connections): there is no narrower one in 3.10.</summary>
    public const string AdministratorTag = "administrator";

    public static async Task DeployAsync(BrokerManagementClient admin, IEnumerable<ServiceBrokerAccount> services,
        string? provisioningPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(services);
        foreach (var service in services)
        {
            await admin.PutUserWithPasswordAsync(service.User, service.Password, "", cancellationToken);
            await admin.PutPermissionsAsync(service.User, service.Permissions, cancellationToken);
        }

        if (provisioningPassword is not null)
        {
            // Management API only: no permission on the vhost, so it can neither read nor publish a single message.
            await admin.PutUserWithPasswordAsync(ServiceDefaults.BrokerUsers.Provisioning, provisioningPassword, AdministratorTag,
                cancellationToken);
        }
    }
}
