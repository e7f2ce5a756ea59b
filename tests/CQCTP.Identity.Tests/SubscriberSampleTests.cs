using System.Text;
using System.Threading.Channels;
using CQCTP.Samples.Subscriber;
using RabbitMQ.Client;

namespace CQCTP.Identity.Tests;

/// <summary>The integrators' sample subscriber (samples/CQCTP.Samples.Subscriber) with a real integrator account.</summary>
[Collection(IdentityCollection.Name)]
public sealed class SubscriberSampleTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Sample_BindsItsQueue_AndHandsOverEachEvent()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (clientId, secret) = await Clients.RegisterAsync(staff);
        await Broker.DeclareEventExchangesAsync(fixture);
        var options = new SubscriberOptions(fixture.BrokerAmqp.Host, fixture.BrokerAmqp.Port, clientId, secret,
            [Broker.PublicExchange]);
        var received = Channel.CreateUnbounded<ReceivedEvent>();
        using var stop = new CancellationTokenSource();
        var running = EventSubscriber.RunAsync(options, e => received.Writer.WriteAsync(e).AsTask(), stop.Token);
        await using var admin = await new ConnectionFactory { Uri = fixture.BrokerAmqp }.CreateConnectionAsync();
        await using var channel = await admin.CreateChannelAsync();
        await WaitForConsumerAsync(admin, options.Queue);
        var messageId = Guid.NewGuid().ToString();

        await channel.BasicPublishAsync(Broker.PublicExchange, "", mandatory: false,
            new BasicProperties { MessageId = messageId }, Encoding.UTF8.GetBytes("""{"message":{}}"""));

        var first = await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(messageId, first.MessageId);
        Assert.Equal(Broker.PublicExchange, first.Exchange);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Sample_FromATime_ReplaysTheStreamInOrder()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var (clientId, secret) = await Clients.RegisterAsync(staff);
        await using var admin = await new ConnectionFactory { Uri = fixture.BrokerAmqp }.CreateConnectionAsync();
        await using var channel = await admin.CreateChannelAsync();
        // Declared by the topology step on a platform; here, with the same type, by the test.
        await channel.QueueDeclareAsync(EventSubscriber.ReplayStream, durable: true, exclusive: false, autoDelete: false,
            new Dictionary<string, object?> { ["x-queue-type"] = "stream" });
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        string[] published = [Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString()];
        foreach (var id in published)
        {
            await channel.BasicPublishAsync("", EventSubscriber.ReplayStream, mandatory: false,
                new BasicProperties { MessageId = id }, Encoding.UTF8.GetBytes("{}"));
        }

        var received = Channel.CreateUnbounded<ReceivedEvent>();
        using var stop = new CancellationTokenSource();
        var running = EventSubscriber.RunAsync(
            new SubscriberOptions(fixture.BrokerAmqp.Host, fixture.BrokerAmqp.Port, clientId, secret, [], before),
            e => received.Writer.WriteAsync(e).AsTask(), stop.Token);
        var mine = new List<string>();
        while (mine.Count < published.Length)
        {
            var next = await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            if (next.MessageId is { } id && published.Contains(id))
            {
                mine.Add(id);
            }
        }

        Assert.Equal(published, mine);
        await stop.CancelAsync();
        await running;
    }

    // The sample declares, binds, then consumes: a consumer on its queue means the bindings exist.
    private static async Task WaitForConsumerAsync(IConnection connection, string queue)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            // A passive declare of a queue not there yet closes its channel: a fresh one each time.
            await using var probe = await connection.CreateChannelAsync(cancellationToken: timeout.Token);
            try
            {
                if ((await probe.QueueDeclarePassiveAsync(queue, timeout.Token)).ConsumerCount > 0)
                {
                    return;
                }
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
