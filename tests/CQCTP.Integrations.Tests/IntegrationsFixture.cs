using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Api.Extensions;
using CQCTP.Integrations.Events;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;

namespace CQCTP.Integrations.Tests;

/// <summary>
/// The integrations service alone, over the real PostgreSQL and RabbitMQ, with the replay stream the topology step
/// declares.
/// </summary>
public sealed class IntegrationsFixture : ServiceFixture<IntegrationsDbContext>
{
    protected override string Service => IntegrationsApi.Service;

    protected override string DatabaseResource => ResourceNames.IntegrationsDb;

    public Uri Broker => new(BrokerConnectionString);

    public Uri Management => Infrastructure.BrokerManagementUrl;

    protected override Task DeployBrokerAsync(CancellationToken cancellationToken) =>
        ReplayStreamDeployer.DeployAsync(Broker, Management, IntegrationEvents.ReplayStream,
            IntegrationEvents.Public.Select(EventSubscriptions.ExchangeName), ReplaySettings.DefaultRetention,
            cancellationToken);
}
