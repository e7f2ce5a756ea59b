using System.Reflection;
using NetArchTest.Rules;

namespace CQCTP.ArchitectureTests;

/// <summary>A <c>Domain/</c> folder holds plain classes: no ASP.NET, no EF, and of the shared code only the primitives.</summary>
public sealed class DomainRulesTests
{
    /// <summary>Namespaces a domain type must not depend on.</summary>
    private static readonly string[] Forbidden =
    [
        "Microsoft.AspNetCore",
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "MassTransit",
        "CQCTP.ApiConventions",
        "CQCTP.Security",
        "CQCTP.ServiceDefaults",
        "CQCTP.Messaging",
    ];

    [Theory]
    [MemberData(nameof(ServiceAssemblies.All), MemberType = typeof(ServiceAssemblies))]
    public void DomainTypes_UseNoAspNetEfOrSharedInfrastructure(string assembly)
    {
        var result = DomainTypes(Assembly.Load(assembly), $"{assembly}.Domain");

        Assert.True(result.IsSuccessful, "Domain types with forbidden dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void DomainRule_OnADomainTypeUsingHttp_Fails()
    {
        var result = DomainTypes(typeof(DomainRulesTests).Assembly, typeof(BadExample.Domain.EntityThatKnowsHttp).Namespace!);

        Assert.False(result.IsSuccessful);
        Assert.Contains(typeof(BadExample.Domain.EntityThatKnowsHttp).FullName, result.FailingTypeNames);
    }

    private static TestResult DomainTypes(Assembly assembly, string domainNamespace) =>
        Types.InAssembly(assembly).That().ResideInNamespace(domainNamespace)
            .ShouldNot().HaveDependencyOnAny(Forbidden).GetResult();
}
