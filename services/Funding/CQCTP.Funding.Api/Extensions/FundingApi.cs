using CQCTP.ApiConventions;
using CQCTP.Funding.Api.Data;
using CQCTP.Messaging;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

namespace CQCTP.Funding.Api.Extensions;

public static class FundingApi
{
    public const string Service = "funding";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<FundingDbContext>(Service, "CQCTP — Financement / Funding", ResourceNames.FundingDb);
        builder.AddPlatformAuthentication(Service);
        builder.AddPlatformMessaging<FundingDbContext>(Service, ResourceNames.FundingDb);
        return builder;
    }
}
