using System.Globalization;
using RabbitMQ.Client;

namespace CQCTP.AppHost.LocalInfra;

/// <summary>
/// The broker's "Requeue failed messages" command: every message MassTransit dead-lettered to a <c>&lt;queue&gt;_error</c>
/// queue goes back to its queue, for an operator who fixed the cause. The consumers' inbox keeps the effect single
/// even if a message was handled after all.
/// </summary>
internal static class FailedMessages
{
    public const string CommandName = "requeue-failed-messages";
    public const string ErrorSuffix = "_error";

    private const string RabbitMQCtl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    public static IResourceBuilder<LocalRabbitMQResource> WithRequeueFailedMessages(
        this IResourceBuilder<LocalRabbitMQResource> broker, string nodeName, string home, int? epmdPort) =>
        broker.WithCommand(CommandName, "Requeue failed messages", async context =>
        {
            try
            {
                var moved = await RequeueAsync(broker.Resource, nodeName, home, epmdPort, context.CancellationToken);
                return CommandResults.Success(string.Join(", ", moved.Select(m => $"{m.Key}: {m.Value}")));
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException
                                           or RabbitMQ.Client.Exceptions.RabbitMQClientException)
            {
                return CommandResults.Failure(ex.Message);
            }
        }, new CommandOptions
        {
            Description = "Remet dans leur file les messages en erreur (<file>_error) / Moves dead-lettered messages back to their queue",
            ConfirmationMessage = "Requeue every message of every _error queue? Fix their cause first.",
            IconName = "ArrowRedo",
            UpdateState = state => state.ResourceSnapshot.State?.Text == KnownResourceStates.Running
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });

    /// <summary>Moves each error queue's messages (as many as it held at the start) to their queue; returns the counts.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> RequeueAsync(LocalRabbitMQResource broker, string nodeName,
        string home, int? epmdPort, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string> { ["HOME"] = home };
        if (epmdPort is { } port)
        {
            environment["ERL_EPMD_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        }

        var listing = await ProcessRunner.RunAsync(RabbitMQCtl,
            ["-n", nodeName, "list_queues", "name", "--quiet", "--no-table-headers"], cancellationToken, environment);
        var errorQueues = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(q => q.EndsWith(ErrorSuffix, StringComparison.Ordinal)).ToList();

        var factory = new ConnectionFactory { Uri = new Uri((await broker.ConnectionStringExpression.GetValueAsync(cancellationToken))!) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        var moved = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var errorQueue in errorQueues)
        {
            var target = errorQueue[..^ErrorSuffix.Length];
            var waiting = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
            var count = 0;
            for (var i = 0; i < waiting; i++)
            {
                if (await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is not { } message)
                {
                    break;
                }

                // Published (and confirmed) before the error copy is acknowledged: a crash in between duplicates, never loses.
                await channel.BasicPublishAsync("", target, mandatory: true, new BasicProperties(message.BasicProperties),
                    message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                count++;
            }

            moved[target] = count;
        }

        return moved;
    }
}
