using CQCTP.Identity.Api.Consumers;
using CQCTP.Identity.Api.Data;
using CQCTP.Identity.Api.Extensions;
using CQCTP.Membership.Contracts;
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
}
