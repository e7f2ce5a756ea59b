using System.Threading.Channels;
using CQCTP.Integrations.Events;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>
/// Reads the replay stream from its last committed offset and hands it to <see cref="WebhookDeliveryWriter"/> in
/// batches: what has arrived, up to <see cref="WebhookOptions.StreamBatchSize"/> messages, is one transaction (rows
/// and last offset), acknowledged after the commit. A failed batch commits nothing: the reader starts again from the
/// committed offset, and nothing prefetched after it is handled.
/// </summary>
public sealed partial class WebhookStreamReader(WebhookDeliveryWriter writer, IConfiguration configuration,
    IOptions<WebhookOptions> options, DispatchSignal signal, ILogger<WebhookStreamReader> logger) : BackgroundService
{
    private const string Stream = IntegrationEvents.ReplayStream;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = new Uri(configuration.GetConnectionString(ResourceNames.Messaging)
            ?? throw new InvalidOperationException($"Connection string '{ResourceNames.Messaging}' is missing."));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(broker, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogReadFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task ReadAsync(Uri broker, CancellationToken stoppingToken)
    {
        var batchSize = Math.Clamp(options.Value.StreamBatchSize, 1, 1000);
        var last = await writer.LastOffsetAsync(Stream, stoppingToken);
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "integrations-webhooks-reader" };
        await using var connection = await factory.CreateConnectionAsync(stoppingToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        // Twice a batch: the next one arrives while this one commits.
        await channel.BasicQosAsync(0, (ushort)(batchSize * 2), false, stoppingToken);
        var received = Channel.CreateUnbounded<(ulong Tag, StreamEvent Event)>(
            new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var offset = Convert.ToInt64(delivery.BasicProperties.Headers?["x-stream-offset"],
                System.Globalization.CultureInfo.InvariantCulture);
            // The body is the client's buffer only until this handler returns.
            received.Writer.TryWrite((delivery.DeliveryTag,
                new StreamEvent(offset, delivery.Exchange, delivery.Body.ToArray(), delivery.BasicProperties.MessageId)));
            return Task.CompletedTask;
        };
        channel.ChannelShutdownAsync += (_, args) =>
        {
            received.Writer.TryComplete(new InvalidOperationException($"Stream channel closed: {args.ReplyText}"));
            return Task.CompletedTask;
        };
        object start = last >= 0 ? last + 1 : "first";
        await channel.BasicConsumeAsync(Stream, autoAck: false, consumerTag: "", noLocal: false, exclusive: false,
            arguments: new Dictionary<string, object?> { ["x-stream-offset"] = start }, consumer: consumer,
            cancellationToken: stoppingToken);

        var batch = new List<StreamEvent>(batchSize);
        while (true)
        {
            var (tag, first) = await received.Reader.ReadAsync(stoppingToken);
            batch.Clear();
            // A stream consumer may start at the beginning of a chunk, before the offset asked for.
            if (first.Offset > last)
            {
                batch.Add(first);
            }

            for (var count = 1; count < batchSize && received.Reader.TryRead(out var next); count++)
            {
                tag = next.Tag;
                if (next.Event.Offset > last)
                {
                    batch.Add(next.Event);
                }
            }

            if (batch.Count > 0)
            {
                if (await writer.WriteAsync(Stream, batch, stoppingToken) > 0)
                {
                    signal.Notify();
                }

                last = batch[^1].Offset;
            }

            await channel.BasicAckAsync(tag, multiple: true, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the replay stream failed; starting again from the committed offset")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
