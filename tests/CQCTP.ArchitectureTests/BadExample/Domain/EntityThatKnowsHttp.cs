using Microsoft.AspNetCore.Http;

namespace CQCTP.ArchitectureTests.BadExample.Domain;

/// <summary>What the domain rule exists to catch: it must fail on this type (see DomainRulesTests).</summary>
internal sealed class EntityThatKnowsHttp(HttpContext context)
{
    public string Caller => context.Request.Path;
}
