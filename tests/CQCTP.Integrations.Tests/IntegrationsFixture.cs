using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Api.Extensions;
using CQCTP.ServiceDefaults;

namespace CQCTP.Integrations.Tests;

/// <summary>The integrations service alone, over the real PostgreSQL and RabbitMQ; it consumes nothing yet.</summary>
public sealed class IntegrationsFixture : ServiceFixture<IntegrationsDbContext>
{
    protected override string Service => IntegrationsApi.Service;

    protected override string DatabaseResource => ResourceNames.IntegrationsDb;
}
