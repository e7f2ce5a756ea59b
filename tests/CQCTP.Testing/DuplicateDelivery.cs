using CQCTP.Messaging;
using MassTransit;

namespace CQCTP.Testing;

/// <summary>Publishes one message twice with the same MessageId, as a broker redelivery or a relay retry would.</summary>
public static class DuplicateDelivery
{
    public static async Task PublishTwiceAsync<TMessage>(Uri broker, TMessage message, Guid messageId)
        where TMessage : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(broker, h => h.UseCredentialsOf(broker)));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId);
            await bus.Publish(message, context => context.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
