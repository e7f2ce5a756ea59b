using CQCTP.Membership.Api.Data;
using CQCTP.Messaging;
using CQCTP.ServiceDefaults;
using CQCTP.ServiceDefaults.Data;

namespace CQCTP.Membership.Api.Extensions;

public static class MembershipApi
{
    public const string Service = "membership";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<MembershipDbContext>(Service, "CQCTP — Membres / Membership", ResourceNames.MembershipDb);
        builder.AddPlatformMessaging<MembershipDbContext>(Service, ResourceNames.MembershipDb);
        builder.Services.AddDemoDataSeeder<MembershipDbContext, MembershipDemoData>();
        return builder;
    }
}
