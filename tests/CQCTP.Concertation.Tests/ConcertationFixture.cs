using CQCTP.Concertation.Api.Consumers;
using CQCTP.Concertation.Api.Data;
using CQCTP.Concertation.Api.Extensions;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;

namespace CQCTP.Concertation.Tests;

/// <summary>The concertation service alone, over the real PostgreSQL and RabbitMQ, with the queue it consumes.</summary>
public sealed class ConcertationFixture : ServiceFixture<ConcertationDbContext>
{
    protected override string Service => ConcertationApi.Service;

    protected override string DatabaseResource => ResourceNames.ConcertationDb;

    protected override IReadOnlyList<EventSubscription> Subscriptions { get; } =
        [new(ConcertationApi.Service, MemberOrganizationsProjection.Consumer, typeof(OrganizationRegistered))];
}
