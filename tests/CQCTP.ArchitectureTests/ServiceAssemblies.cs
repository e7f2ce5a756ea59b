using CQCTP.Concertation.Api.Extensions;
using CQCTP.Funding.Api.Extensions;
using CQCTP.Identity.Api.Extensions;
using CQCTP.Integrations.Api.Extensions;
using CQCTP.Knowledge.Api.Extensions;
using CQCTP.Membership.Api.Extensions;

namespace CQCTP.ArchitectureTests;

/// <summary>Every service's API assembly, by name, for the rules that run on each.</summary>
public static class ServiceAssemblies
{
    public static TheoryData<string> All => new()
    {
        typeof(MembershipApi).Assembly.GetName().Name!,
        typeof(ConcertationApi).Assembly.GetName().Name!,
        typeof(KnowledgeApi).Assembly.GetName().Name!,
        typeof(FundingApi).Assembly.GetName().Name!,
        typeof(IdentityApi).Assembly.GetName().Name!,
        typeof(IntegrationsApi).Assembly.GetName().Name!,
    };
}
