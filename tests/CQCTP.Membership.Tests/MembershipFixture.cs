using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Extensions;
using CQCTP.ServiceDefaults;

namespace CQCTP.Membership.Tests;

/// <summary>The membership service alone, over the real PostgreSQL and RabbitMQ, shared by the project's tests.</summary>
public sealed class MembershipFixture : ServiceFixture<MembershipDbContext>
{
    protected override string Service => MembershipApi.Service;

    protected override string DatabaseResource => ResourceNames.MembershipDb;
}
