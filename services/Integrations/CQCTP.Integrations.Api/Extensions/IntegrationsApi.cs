using CQCTP.ApiConventions;
using CQCTP.Integrations.Api.Catalogue;
using CQCTP.Integrations.Api.Data;
using CQCTP.Messaging;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

namespace CQCTP.Integrations.Api.Extensions;

public static class IntegrationsApi
{
    public const string Service = "integrations";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<IntegrationsDbContext>(Service, "CQCTP — Intégrations / Integrations", ResourceNames.IntegrationsDb);
        builder.AddPlatformAuthentication(Service);
        builder.AddPlatformMessaging<IntegrationsDbContext>(Service, ResourceNames.IntegrationsDb);
        builder.Services.AddSingleton<EventCatalogue>();
        return builder;
    }
}
