using CQCTP.ApiConventions;
using CQCTP.Knowledge.Api.Consumers;
using CQCTP.Knowledge.Api.Data;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

namespace CQCTP.Knowledge.Api.Extensions;

public static class KnowledgeApi
{
    public const string Service = "knowledge";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<KnowledgeDbContext>(Service, "CQCTP — Savoirs et infolettres / Knowledge and newsletters", ResourceNames.KnowledgeDb);
        builder.AddPlatformAuthentication(Service);
        // A portal whose membership ended is refused here too, without waiting for its token to expire.
        builder.Services.AddScoped<IAccessTokenGate, ActiveMemberGate>();
        builder.AddPlatformMessaging<KnowledgeDbContext>(Service, ResourceNames.KnowledgeDb, messaging => messaging
            .Consume<MembershipStatusChanged, OrganizationStatusProjection>(OrganizationStatusProjection.Consumer));
        return builder;
    }
}
