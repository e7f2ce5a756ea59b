using CQCTP.ApiConventions;
using CQCTP.Integrations.Api.Catalogue;
using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Api.Webhooks;
using CQCTP.Messaging;
using CQCTP.Security;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

        // Webhooks: a reader of the replay stream creates deliveries, a dispatcher sends them (docs/integrations.md).
        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        builder.Services.AddSingleton<WebhookAddressGuard>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<DispatchSignal>();
        builder.Services.AddSingleton<WebhookDeliveryWriter>();
        builder.Services.AddHostedService<WebhookStreamReader>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }
}
