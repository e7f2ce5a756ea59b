using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CQCTP.Integrations.Tests;

/// <summary>Reads the replay stream as an integrator would: a consumer with <c>x-stream-offset</c>, a prefetch, acks.</summary>
public static class ReplayReader
{
    /// <summary>The envelopes' message ids, in stream order, read from <paramref name="offset"/> until <paramref name="until"/> holds.</summary>
    public static async Task<List<Guid>> ReadAsync(Uri broker, string stream, object offset,
        Func<IReadOnlyList<Guid>, bool> until, TimeSpan timeout)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "cqctp-test-replay" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        // A stream consumer must set a prefetch and acknowledge (acks only move the credit, nothing is removed).
        await channel.BasicQosAsync(0, 100, false);
        var read = new List<Guid>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
            lock (read)
            {
                read.Add(envelope.RootElement.GetProperty("messageId").GetGuid());
                if (until(read))
                {
                    done.TrySetResult();
                }
            }

            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync(stream, autoAck: false, consumerTag: "", noLocal: false, exclusive: false,
            arguments: new Dictionary<string, object?> { ["x-stream-offset"] = offset }, consumer: consumer);
        await done.Task.WaitAsync(timeout);
        lock (read)
        {
            return [.. read];
        }
    }
}
