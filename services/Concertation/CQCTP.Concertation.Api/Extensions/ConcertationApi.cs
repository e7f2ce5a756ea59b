using CQCTP.ApiConventions;
using CQCTP.Concertation.Api.Consumers;
using CQCTP.Concertation.Api.Data;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

namespace CQCTP.Concertation.Api.Extensions;

public static class ConcertationApi
{
    public const string Service = "concertation";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<ConcertationDbContext>(Service, "CQCTP — Table nationale de concertation / National roundtable", ResourceNames.ConcertationDb);
        builder.AddPlatformAuthentication(Service);
        builder.AddPlatformMessaging<ConcertationDbContext>(Service, ResourceNames.ConcertationDb, messaging => messaging
            .Consume<OrganizationRegistered, MemberOrganizationsProjection>(MemberOrganizationsProjection.Consumer));
        return builder;
    }
}
