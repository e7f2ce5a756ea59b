using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Messaging.Inbox;

/// <summary>
/// Runs a handler exactly once per MessageId: the inbox row, the handler's changes and its follow-up outbox rows
/// commit in one transaction. A concurrent duplicate blocks on the inbox primary key until the first commits, then
/// finds it, so the handler itself runs only for the first delivery. Any exception rolls everything back and goes to
/// MassTransit's retry, then to the <c>_error</c> queue.
/// </summary>
internal sealed class InboxConsumer<TContext, TMessage, THandler>(TContext db, THandler handler, InboxConsumerName<THandler> name)
    : IConsumer<TMessage>
    where TContext : DbContext
    where TMessage : class
    where THandler : class, IEventConsumer<TMessage>
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId.");
        var strategy = db.Database.CreateExecutionStrategy();
        var processed = await strategy.ExecuteAsync(async cancellationToken =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginWholeTransactionAsync(cancellationToken);
            var claimed = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO inbox_messages (message_id, consumer, processed_at)
                VALUES ({messageId}, {name.Value}, now())
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await handler.HandleAsync(context.Message,
                new EventContext(messageId, context.CorrelationId, context.SentTime is { } sent ? new DateTimeOffset(sent, TimeSpan.Zero) : null),
                cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, context.CancellationToken);

        (processed ? MessagingTelemetry.Consumed : MessagingTelemetry.Duplicates)
            .Add(1, new KeyValuePair<string, object?>("consumer", name.Value));
    }
}

/// <summary>The inbox key of a handler: its queue name, stable across deployments.</summary>
internal sealed record InboxConsumerName<THandler>(string Value);
