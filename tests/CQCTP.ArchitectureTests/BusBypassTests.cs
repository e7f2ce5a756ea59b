using System.Reflection;
using NetArchTest.Rules;

namespace CQCTP.ArchitectureTests;

public sealed class BusBypassTests
{
    /// <summary>What publishes or sends around the outbox. ConsumeContext publishes too; handlers never see it.</summary>
    private static readonly string[] BypassTypes =
    [
        "MassTransit.IBus",
        "MassTransit.IBusControl",
        "MassTransit.IPublishEndpoint",
        "MassTransit.ISendEndpointProvider",
        "MassTransit.ConsumeContext",
        "CQCTP.Messaging.IPlatformBus",
    ];

    [Theory]
    [MemberData(nameof(ServiceAssemblies.All), MemberType = typeof(ServiceAssemblies))]
    public void ServiceTypes_DoNotDependOnBusTypes(string assembly)
    {
        var result = Types.InAssembly(Assembly.Load(assembly)).ShouldNot().HaveDependencyOnAny(BypassTypes).GetResult();

        Assert.True(result.IsSuccessful, "Publishing around the outbox: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void BusRule_OnATypeThatPublishesDirectly_Fails()
    {
        var result = Types.InAssembly(typeof(BusBypassTests).Assembly)
            .That().HaveNameStartingWith(nameof(DeliberatelyBadPublisher))
            .ShouldNot().HaveDependencyOnAny(BypassTypes).GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains(typeof(DeliberatelyBadPublisher).FullName, result.FailingTypeNames);
    }
}
