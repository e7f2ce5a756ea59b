using CQCTP.Concertation.Api.Consumers;
using CQCTP.Concertation.Api.Data;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Outbox;
using CQCTP.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CQCTP.Messaging.Tests;

public sealed class BusRegistrationTests
{
    [Theory]
    [InlineData(typeof(IBus))]
    [InlineData(typeof(IBusControl))]
    [InlineData(typeof(IPublishEndpoint))]
    [InlineData(typeof(ISendEndpointProvider))]
    public void ServiceContainer_WithPlatformMessaging_CannotResolveBusTypes(Type bypass)
    {
        using var provider = BuildServiceProvider();
        using var scope = provider.CreateScope();

        var fromRoot = provider.GetService(bypass);
        var fromScope = scope.ServiceProvider.GetService(bypass);

        Assert.Null(fromRoot);
        Assert.Null(fromScope);
    }

    [Fact]
    public void ServiceContainer_WithPlatformMessaging_ResolvesOutboxAndPlatformBus()
    {
        using var provider = BuildServiceProvider();
        using var scope = provider.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetService<IOutbox>());
        Assert.NotNull(provider.GetService<IPlatformBus>());
    }

    [Fact]
    public void Consume_UndeclaredSubscription_IsRefusedAtStartUp()
    {
        var builder = NewBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddPlatformMessaging<ConcertationDbContext>(
            "concertation", ResourceNames.ConcertationDb, m => m.Consume<OrganizationRegistered,
                MemberOrganizationsProjection>("not-declared")));

        Assert.Contains(".WithSubscription<OrganizationRegistered>(\"not-declared\")", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider BuildServiceProvider()
    {
        var builder = NewBuilder();
        builder.Services.AddDbContext<ConcertationDbContext>(o => o.UseNpgsql("Host=localhost"));
        builder.AddPlatformMessaging<ConcertationDbContext>("concertation", ResourceNames.ConcertationDb, m => m
            .Consume<OrganizationRegistered, MemberOrganizationsProjection>(
                MemberOrganizationsProjection.Consumer));
        return builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static HostApplicationBuilder NewBuilder()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.ConcertationDb}"] = "Host=localhost;Database=nowhere",
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = "amqp://user:secret@localhost:5672",
            // What the AppHost declares for Concertation (WithSubscription).
            [EventSubscriptions.Key(EventSubscriptions.ServiceSection, MemberOrganizationsProjection.Consumer,
                typeof(OrganizationRegistered))] = EventSubscriptions.ExchangeName(typeof(OrganizationRegistered)),
        });
        return builder;
    }
}
