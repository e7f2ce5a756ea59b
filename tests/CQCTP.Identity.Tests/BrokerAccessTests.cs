using System.Net;
using System.Text;
using CQCTP.Identity.Api.Extensions;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Broker;
using CQCTP.ServiceDefaults;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace CQCTP.Identity.Tests;

/// <summary>
/// An integrator client's broker user, kept in step by identity (docs/adr/0005), against the real broker: what it
/// may do, each refusal as ACCESS_REFUSED, and revocation closing an open connection.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class BrokerAccessTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Integrator_BindsItsOwnQueueToAPublicEventExchange_AndReceivesTheEvent()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (clientId, secret) = await Clients.RegisterAsync(staff);
        await Broker.DeclareEventExchangesAsync(fixture);
        await using var integrator = await Broker.ConnectAsync(fixture, clientId, secret);
        await using var channel = await integrator.CreateChannelAsync();
        var queue = $"integrator.{clientId}.organizations";

        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue, Broker.PublicExchange, "");
        var messageId = Guid.NewGuid().ToString();
        await using (var admin = await new ConnectionFactory { Uri = fixture.BrokerAmqp }.CreateConnectionAsync())
        await using (var publisher = await admin.CreateChannelAsync())
        {
            await publisher.BasicPublishAsync(Broker.PublicExchange, "", mandatory: false,
                new BasicProperties { MessageId = messageId }, Encoding.UTF8.GetBytes("{}"));
        }

        var received = await NextAsync(channel, queue);
        Assert.Equal(messageId, received.BasicProperties.MessageId);
        Assert.Equal(Broker.PublicExchange, received.Exchange);
    }

    [Fact]
    public async Task Integrator_IsRefusedPublishingServiceQueuesAndPersonalEvents()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (clientId, secret) = await Clients.RegisterAsync(staff);
        await Broker.DeclareEventExchangesAsync(fixture);
        await using var integrator = await Broker.ConnectAsync(fixture, clientId, secret);
        var own = $"integrator.{clientId}.refusals";
        await using (var setup = await integrator.CreateChannelAsync())
        {
            await setup.QueueDeclareAsync(own, durable: false, exclusive: false, autoDelete: false);
        }

        // Publishing to an event exchange: no exchange matches its write permission.
        await Broker.AssertRefusedAsync(integrator, Broker.PublicExchange, channel => channel.BasicPublishAsync(Broker.PublicExchange, "",
            Encoding.UTF8.GetBytes("{}")).AsTask());
        // Declaring a queue in a service's name, and reading a service's existing queue.
        var serviceLike = $"membership-{Guid.NewGuid():N}";
        await Broker.AssertRefusedAsync(integrator, serviceLike, channel => channel.QueueDeclareAsync(
            serviceLike, durable: true, exclusive: false, autoDelete: false));
        var serviceQueue = EventSubscriptions.QueueName(IdentityApi.Service, "organization-statuses");
        await Broker.AssertRefusedAsync(integrator, serviceQueue, channel => channel.BasicGetAsync(serviceQueue, autoAck: true));
        // Binding its own queue to a [PersonalData] event's exchange.
        await Broker.AssertRefusedAsync(integrator, Broker.PersonalExchange,
            channel => channel.QueueBindAsync(own, Broker.PersonalExchange, ""));
        // Another integrator's queues are not its own.
        var others = $"integrator.{clientId}x.queue";
        await Broker.AssertRefusedAsync(integrator, others, channel => channel.QueueDeclareAsync(
            others, durable: false, exclusive: false, autoDelete: false));
    }

    [Fact]
    public async Task RevokingTheClient_ClosesItsOpenConnection_AndRefusesTheNextOne()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (clientId, secret) = await Clients.RegisterAsync(staff);
        await using var integrator = await Broker.ConnectAsync(fixture, clientId, secret);
        var closed = new TaskCompletionSource<ShutdownEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        integrator.ConnectionShutdownAsync += (_, reason) =>
        {
            closed.TrySetResult(reason);
            return Task.CompletedTask;
        };

        using var revoke = await staff.PostAsync($"{Clients.Prefix}/{clientId}/revoke", null);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var shutdown = await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal<int>(Constants.ConnectionForced, shutdown.ReplyCode);
        var refused = await Assert.ThrowsAsync<BrokerUnreachableException>(
            () => Broker.ConnectAsync(fixture, clientId, secret));
        Assert.IsType<AuthenticationFailureException>(refused.InnerException);
    }

    [Fact]
    public async Task RotatingTheSecret_MovesTheBrokerPasswordToTheNewSecret()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (clientId, oldSecret) = await Clients.RegisterAsync(staff);

        using var rotate = await staff.PostAsync($"{Clients.Prefix}/{clientId}/secrets", null);
        var newSecret = (await System.Net.Http.Json.HttpContentJsonExtensions
            .ReadFromJsonAsync<System.Text.Json.JsonElement>(rotate.Content)).GetProperty("clientSecret").GetString()!;

        Assert.Equal(HttpStatusCode.Created, rotate.StatusCode);
        await using (var connection = await Broker.ConnectAsync(fixture, clientId, newSecret))
        {
            Assert.True(connection.IsOpen);
        }

        await Assert.ThrowsAsync<BrokerUnreachableException>(() => Broker.ConnectAsync(fixture, clientId, oldSecret));
    }

    [Fact]
    public async Task ServiceUser_CreatedAsTheTopologyStepDoes_IsRefusedAnotherServicesQueue()
    {
        var service = $"svc{Guid.NewGuid():N}"[..12];
        var account = new ServiceBrokerAccount(service, "service-user-password", BrokerPermissions.ForService(service,
            [], [EventSubscriptions.ExchangeName(typeof(MembershipStatusChanged))]));
        using (var admin = fixture.BrokerAdmin())
        {
            await BrokerAccountsDeployer.DeployAsync(admin, [account], null, CancellationToken.None);
        }

        await using var connection = await Broker.ConnectAsync(fixture, account.User, account.Password);
        await using (var own = await connection.CreateChannelAsync())
        {
            await own.QueueDeclareAsync($"{service}-statuses", durable: false, exclusive: true, autoDelete: true);
        }

        var others = $"membership-{Guid.NewGuid():N}";
        await Broker.AssertRefusedAsync(connection, others, channel => channel.QueueDeclareAsync(
            others, durable: false, exclusive: true, autoDelete: true));
    }

    private static async Task<BasicGetResult> NextAsync(IChannel channel, string queue)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true, timeout.Token) is { } result)
            {
                return result;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
