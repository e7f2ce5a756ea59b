using CQCTP.Messaging;
using MassTransit;

namespace CQCTP.Testing;

/// <summary>Publishes one message straight to the broker with a chosen MessageId, as a producer's outbox relay would.</summary>
public static class EventPublisher
{
    public static async Task PublishAsync<TMessage>(Uri broker, TMessage message, Guid messageId)
        where TMessage : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(broker, h => h.UseCredentialsOf(broker)));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
