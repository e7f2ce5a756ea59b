using Aspire.Hosting.Testing;
using CQCTP.Identity.Api.Consumers;
using CQCTP.Identity.Api.Data;
using CQCTP.Identity.Api.Extensions;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Broker;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;

namespace CQCTP.Identity.Tests;

/// <summary>
/// The identity service alone, over the real PostgreSQL and RabbitMQ, shared by the project's tests. It runs in
/// Testing, so the development clients (<c>dev-staff</c>… with the secret <c>{id}-secret</c>) are seeded.
/// </summary>
public sealed class IdentityFixture : ServiceFixture<IdentityDbContext>
{
    protected override string Service => IdentityApi.Service;

    protected override string DatabaseResource => ResourceNames.IdentityDb;

    protected override IReadOnlyList<EventSubscription> Subscriptions { get; } =
        [new(IdentityApi.Service, OrganizationStatusProjection.Consumer, typeof(MembershipStatusChanged))];

    /// <summary>The broker's management API (UI and HTTP API, administrator account in tests).</summary>
    public Uri BrokerManagement => Infrastructure.App.GetEndpoint(ResourceNames.Messaging, "management");

    /// <summary>The broker's AMQP address, for connecting as another user.</summary>
    public Uri BrokerAmqp => new(BrokerConnectionString);

    /// <summary>The broker's management API as the administrator (creating a service user as the topology step does).</summary>
    public BrokerManagementClient BrokerAdmin()
    {
        var credentials = Uri.UnescapeDataString(BrokerAmqp.UserInfo).Split(':', 2);
        return BrokerManagementClient.Create(BrokerManagement, credentials[0], credentials[1]);
    }

    /// <summary>
    /// The provisioning account, created as the topology step creates it, handed to identity as the AppHost does
    /// (docs/adr/0005).
    /// </summary>
    protected override async Task<IReadOnlyDictionary<string, string>> SettingsAsync(CancellationToken cancellationToken)
    {
        const string password = "provisioning-fast-tests";
        using (var admin = BrokerAdmin())
        {
            await BrokerAccountsDeployer.DeployAsync(admin, [], password, cancellationToken);
        }

        return new Dictionary<string, string>
        {
            ["Broker:Management"] = BrokerManagement.AbsoluteUri,
            ["Broker:User"] = BrokerUsers.Provisioning,
            ["Broker:Password"] = password,
        };
    }
}
