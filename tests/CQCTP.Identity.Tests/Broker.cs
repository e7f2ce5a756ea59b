using CQCTP.Membership.Contracts;
using CQCTP.ServiceDefaults;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CQCTP.Identity.Tests;

/// <summary>Connecting to the fixture's broker as a given user, and asserting the broker's refusals.</summary>
internal static class Broker
{
    public static readonly string PublicExchange = EventSubscriptions.ExchangeName(typeof(OrganizationRegistered));

    /// <summary>Carries a delegate's email: marked [PersonalData], so no integrator may bind to it.</summary>
    public static readonly string PersonalExchange = EventSubscriptions.ExchangeName(typeof(ConsentGiven));

    public static Task<IConnection> ConnectAsync(IdentityFixture fixture, string user, string password) =>
        new ConnectionFactory
        {
            HostName = fixture.BrokerAmqp.Host,
            Port = fixture.BrokerAmqp.Port,
            UserName = user,
            Password = password,
            AutomaticRecoveryEnabled = false,
        }.CreateConnectionAsync();

    /// <summary>The event exchanges exist as MassTransit declares them (the publisher's bus does it on a platform).</summary>
    public static async Task DeclareEventExchangesAsync(IdentityFixture fixture)
    {
        await using var admin = await new ConnectionFactory { Uri = fixture.BrokerAmqp }.CreateConnectionAsync();
        await using var channel = await admin.CreateChannelAsync();
        foreach (var exchange in new[] { PublicExchange, PersonalExchange })
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on a fresh channel and asserts the broker closed it with ACCESS_REFUSED (403)
    /// naming <paramref name="resource"/>. A publish is asynchronous, so a round trip after it (a passive declare,
    /// which needs no permission) makes the refusal arrive.
    /// </summary>
    public static async Task AssertRefusedAsync(IConnection connection, string resource, Func<IChannel, Task> action)
    {
        var channel = await connection.CreateChannelAsync();
        var refusal = await Assert.ThrowsAnyAsync<OperationInterruptedException>(async () =>
        {
            await action(channel);
            await channel.ExchangeDeclarePassiveAsync("amq.fanout");
        });
        Assert.Equal<int?>(Constants.AccessRefused, refusal.ShutdownReason?.ReplyCode);
        Assert.Contains($"'{resource}'", refusal.ShutdownReason?.ReplyText, StringComparison.Ordinal);
        channel.Dispose();
    }
}
