using CQCTP.Concertation.Api.Data;
using CQCTP.ServiceDefaults;
using CQCTP.ServiceDefaults.Security;

namespace CQCTP.Concertation.Api.Extensions;

public static class ConcertationApi
{
    public const string Service = "concertation";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<ConcertationDbContext>(Service, "CQCTP — Table nationale de concertation / National roundtable", ResourceNames.ConcertationDb);
        builder.AddPlatformAuthentication(Service);
        return builder;
    }
}
