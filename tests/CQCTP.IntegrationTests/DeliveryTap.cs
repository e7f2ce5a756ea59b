using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace CQCTP.IntegrationTests;

/// <summary>A queue of its own bound to an event's exchange, read raw: what an integrator's queue receives.</summary>
internal sealed class DeliveryTap : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly string queue;

    private DeliveryTap(IConnection connection, IChannel channel, string queue)
    {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    public static async Task<DeliveryTap> BindAsync(Uri broker, string exchange)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("tap-" + Guid.NewGuid().ToString("N"), durable: false,
            exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, exchange, routingKey: "");
        return new DeliveryTap(connection, channel, queue);
    }

    public async Task<Delivery> NextAsync()
    {
        BasicGetResult? result = null;
        await MessagingTests.WaitUntilAsync(async () => (result = await channel.BasicGetAsync(queue, autoAck: true)) is not null);
        return new Delivery(result!.BasicProperties, JsonDocument.Parse(result.Body));
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}

/// <summary>One delivery: its AMQP properties and its MassTransit envelope.</summary>
internal sealed record Delivery(IReadOnlyBasicProperties Properties, JsonDocument Envelope) : IDisposable
{
    /// <summary>AMQP headers as text (RabbitMQ hands strings over as bytes).</summary>
    public IReadOnlyDictionary<string, string?> Headers => (Properties.Headers ?? new Dictionary<string, object?>())
        .ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString());

    public void Dispose() => Envelope.Dispose();
}
