using CQCTP.Knowledge.Api.Consumers;
using CQCTP.Knowledge.Api.Data;
using CQCTP.Knowledge.Api.Extensions;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;

namespace CQCTP.Knowledge.Tests;

/// <summary>The knowledge service alone, over the real PostgreSQL and RabbitMQ, with the queue it consumes.</summary>
public sealed class KnowledgeFixture : ServiceFixture<KnowledgeDbContext>
{
    protected override string Service => KnowledgeApi.Service;

    protected override string DatabaseResource => ResourceNames.KnowledgeDb;

    protected override IReadOnlyList<EventSubscription> Subscriptions { get; } =
        [new(KnowledgeApi.Service, OrganizationStatusProjection.Consumer, typeof(MembershipStatusChanged))];
}
