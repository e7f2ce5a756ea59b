using CQCTP.ApiConventions;
using CQCTP.Knowledge.Api.Data;
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
        builder.AddPlatformMessaging<KnowledgeDbContext>(Service, ResourceNames.KnowledgeDb);
        return builder;
    }
}
