using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Api.Extensions;
using CQCTP.Integrations.Api.Webhooks;
using CQCTP.Integrations.Events;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>DNS answers tests inject (a rebinding host); the service resolves through it.</summary>
    public TestHostResolver Resolver { get; } = new();

    /// <summary>A local receiver is allowed (Testing only), and retries come after a fifth of a second.</summary>
    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            [$"{WebhookOptions.Section}:AllowedAddresses:0"] = "127.0.0.1",
            [$"{WebhookOptions.Section}:RetrySchedule:0"] = "00:00:00.200",
            [$"{WebhookOptions.Section}:RetrySchedule:1"] = "00:00:00.200",
            [$"{WebhookOptions.Section}:RetrySchedule:2"] = "00:00:00.200",
            [$"{WebhookOptions.Section}:PollInterval"] = "00:00:00.200",
            [$"{WebhookOptions.Section}:Timeout"] = "00:00:05",
        });

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IHostResolver>(Resolver);

    public Uri Management => Infrastructure.BrokerManagementUrl;

    protected override Task DeployBrokerAsync(CancellationToken cancellationToken) =>
        ReplayStreamDeployer.DeployAsync(Broker, Management, IntegrationEvents.ReplayStream,
            IntegrationEvents.Public.Select(EventSubscriptions.ExchangeName), ReplaySettings.DefaultRetention,
            cancellationToken);

    /// <summary>
    /// Publishes one <c>OrganizationRegistered</c> per id, one at a time (publication order is what replay asserts), with
    /// that id as its MessageId, the way Membership's relay would.
    /// </summary>
    public async Task PublishRegisteredAsync(IEnumerable<Guid> messageIds, string namePrefix)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(Broker, h => h.UseCredentialsOf(Broker)));
        await bus.StartAsync();
        try
        {
            foreach (var id in messageIds)
            {
                await bus.Publish(new OrganizationRegistered
                {
                    OrganizationId = Guid.NewGuid(),
                    LegalName = $"{namePrefix} {id:N}",
                    Status = "pending",
                    RegisteredAt = DateTimeOffset.UtcNow,
                }, context => context.MessageId = id);
            }
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
