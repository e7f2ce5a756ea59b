using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CQCTP.Samples.Subscriber;

/// <summary>
/// What an integrator's program does: connect with its broker account, declare its own queue, bind it to the event
/// exchanges it wants, and handle each envelope (de-duplicate on <c>messageId</c>: delivery is at least once). With
/// <see cref="SubscriberOptions.From"/>, it reads the replay stream <c>integrations.events</c> from that time instead.
/// </summary>
public static class EventSubscriber
{
    /// <summary>The stream that keeps every public event for replay (docs/integrations.md).</summary>
    public const string ReplayStream = "integrations.events";

    /// <summary>Handles deliveries until <paramref name="cancellationToken"/> is cancelled or the broker closes the connection.</summary>
    public static async Task RunAsync(SubscriberOptions options, Func<ReceivedEvent, Task> onEvent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onEvent);
        var factory = new ConnectionFactory
        {
            HostName = options.Host,
            Port = options.Port,
            UserName = options.User,
            Password = options.Password,
            ClientProvidedName = $"{options.User} sample subscriber",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        // A stream is read with acknowledgements and a prefetch; a queue the same way, so a crash loses nothing.
        await channel.BasicQosAsync(0, 100, false, cancellationToken);

        string queue;
        Dictionary<string, object?>? arguments = null;
        if (options.From is { } from)
        {
            queue = ReplayStream;
            arguments = new() { ["x-stream-offset"] = new AmqpTimestamp(from.ToUnixTimeSeconds()) };
        }
        else
        {
            // Durable: events published while the program is away wait for it.
            queue = options.Queue;
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                cancellationToken: cancellationToken);
            foreach (var exchange in options.Exchanges)
            {
                await channel.QueueBindAsync(queue, exchange, "", cancellationToken: cancellationToken);
            }
        }

        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, _) =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await onEvent(new ReceivedEvent(delivery.Exchange, delivery.BasicProperties.MessageId,
                Encoding.UTF8.GetString(delivery.Body.Span)));
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumerTag: "", noLocal: false, exclusive: false,
            arguments, consumer, cancellationToken);

        try
        {
            await closed.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the caller (Ctrl+C): the connection closes with the using.
        }
    }
}
