using RabbitMQ.Client;

namespace CQCTP.Messaging.Topology;

/// <summary>
/// Declares the exchanges, queues and bindings of every subscription the way MassTransit does (durable fanout message
/// exchange → durable fanout endpoint exchange → durable queue), so that a message published before its consumer's
/// bus has started waits in the queue instead of being dropped by an exchange with no binding.
/// </summary>
public static class TopologyDeployer
{
    public static async Task DeployAsync(Uri broker, IEnumerable<QueueBinding> bindings,
        CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "cqctp-topology" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var binding in bindings)
        {
            await channel.ExchangeDeclareAsync(binding.Exchange, ExchangeType.Fanout, durable: true,
                autoDelete: false, cancellationToken: cancellationToken);
            await channel.ExchangeDeclareAsync(binding.Queue, ExchangeType.Fanout, durable: true,
                autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(binding.Queue, durable: true, exclusive: false, autoDelete: false,
                cancellationToken: cancellationToken);
            await channel.QueueBindAsync(binding.Queue, binding.Queue, "", cancellationToken: cancellationToken);
            await channel.ExchangeBindAsync(binding.Queue, binding.Exchange, "", cancellationToken: cancellationToken);
        }
    }
}
