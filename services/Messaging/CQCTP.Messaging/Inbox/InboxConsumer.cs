using MassTransit;

namespace CQCTP.Messaging.Inbox;

/// <summary>
/// MassTransit's side of an inbox handler: hands each delivery to the handler's <see cref="InboxBatcher{TContext,TMessage,THandler}"/>,
/// which runs the handler exactly once per MessageId. Any exception goes to MassTransit's retry, then to the
/// <c>_error</c> queue: nothing is acknowledged and dropped.
/// </summary>
internal sealed class InboxConsumer<TContext, TMessage, THandler>(
    InboxBatcher<TContext, TMessage, THandler> batcher, InboxConsumerName<THandler> name) : IConsumer<TMessage>
    where TContext : Microsoft.EntityFrameworkCore.DbContext
    where TMessage : class
    where THandler : class, IEventConsumer<TMessage>
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId.");
        var eventContext = new EventContext(messageId, context.CorrelationId,
            context.SentTime is { } sent ? new DateTimeOffset(sent, TimeSpan.Zero) : null);
        var processed = await batcher.HandleAsync(context.Message, eventContext, context.CancellationToken);

        (processed ? MessagingTelemetry.Consumed : MessagingTelemetry.Duplicates)
            .Add(1, new KeyValuePair<string, object?>("consumer", name.Value));
    }
}
