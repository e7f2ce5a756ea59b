using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CQCTP.Messaging.Inbox;

/// <summary>
/// Runs a handler exactly once per MessageId: the inbox row, the handler's changes and its follow-up outbox rows
/// commit in one transaction. A concurrent duplicate blocks on the inbox primary key until the first commits, then
/// finds it, so the handler runs only for the first delivery.
/// <para>
/// Group commit: deliveries that arrive while the handler's transactions are busy wait here, and the next transaction
/// takes them together (up to <see cref="MessagingOptions.InboxBatchSize"/>): one inbox insert, each message's changes
/// saved in turn (so a handler sees what the previous messages wrote, as it would one by one), one commit. A delivery
/// that finds a transaction free runs at once, alone: batching adds no wait. If a batch fails, each of its messages
/// runs again in its own transaction, so only a faulty message fails its delivery (then MassTransit's retry, then
/// <c>_error</c>); its batch mates commit.
/// </para>
/// </summary>
internal sealed class InboxBatcher<TContext, TMessage, THandler>(
    IServiceScopeFactory scopes, InboxConsumerName<THandler> name, IOptions<MessagingOptions> options) : IDisposable
    where TContext : DbContext
    where TMessage : class
    where THandler : class, IEventConsumer<TMessage>
{
    private readonly ConcurrentQueue<Delivery> waiting = new();
    private readonly SemaphoreSlim transactions = new(Math.Max(1, options.Value.InboxTransactions));
    private readonly int batchSize = Math.Max(1, options.Value.InboxBatchSize);

    /// <returns>True if the handler ran for this delivery; false if the inbox had already seen its MessageId.</returns>
    public async Task<bool> HandleAsync(TMessage message, EventContext context, CancellationToken cancellationToken)
    {
        var delivery = new Delivery(message, context);
        waiting.Enqueue(delivery);
        while (!delivery.Outcome.Task.IsCompleted)
        {
            await transactions.WaitAsync(cancellationToken);
            try
            {
                var batch = TakeWaiting(delivery);
                if (batch.Count == 0)
                {
                    // Another transaction took ours: wait for its outcome.
                    break;
                }

                await RunAsync(batch, cancellationToken);
            }
            finally
            {
                transactions.Release();
            }
        }

        return await delivery.Outcome.Task;
    }

    public void Dispose() => transactions.Dispose();

    private List<Delivery> TakeWaiting(Delivery own)
    {
        var batch = new List<Delivery>();
        if (own.Outcome.Task.IsCompleted)
        {
            return batch;
        }

        while (batch.Count < batchSize && waiting.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        return batch;
    }

    private async Task RunAsync(List<Delivery> batch, CancellationToken cancellationToken)
    {
        MessagingTelemetry.InboxBatchSize.Record(batch.Count, new KeyValuePair<string, object?>("consumer", name.Value));
        if (batch.Count > 1)
        {
            try
            {
                var handled = await RunInOneTransactionAsync(batch, cancellationToken);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Outcome.TrySetResult(handled[i]);
                }

                return;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Rolled back as a whole: find the faulty message by running each on its own, below.
            }
        }

        foreach (var delivery in batch)
        {
            try
            {
                delivery.Outcome.TrySetResult((await RunInOneTransactionAsync([delivery], cancellationToken))[0]);
            }
            catch (Exception ex)
            {
                delivery.Outcome.TrySetException(ex);
            }
        }
    }

    /// <returns>For each delivery, whether its handler ran (false: the inbox already had its MessageId).</returns>
    private async Task<bool[]> RunInOneTransactionAsync(List<Delivery> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        // Sorted: two batches that share a redelivered MessageId take its key lock in the same order (no deadlock).
        var messageIds = batch.Select(d => d.Context.MessageId).Distinct().Order().ToArray();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginWholeTransactionAsync(ct);
            var claimed = (await db.Database.SqlQuery<Guid>($"""
                INSERT INTO inbox_messages (message_id, consumer, processed_at)
                SELECT id, {name.Value}, now() FROM unnest({messageIds}) AS id
                ON CONFLICT DO NOTHING
                RETURNING message_id AS "Value"
                """).ToListAsync(ct)).ToHashSet();
            var handled = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                // Remove: the same MessageId twice in one batch runs once.
                if (claimed.Remove(batch[i].Context.MessageId))
                {
                    await handler.HandleAsync(batch[i].Message, batch[i].Context, ct);
                    await db.SaveChangesAsync(ct);
                    // Saved rows are read back from the transaction; tracking them would make each SaveChanges scan
                    // every earlier message's entities (quadratic in the batch size).
                    db.ChangeTracker.Clear();
                    handled[i] = true;
                }
            }

            await transaction.CommitAsync(ct);
            return handled;
        }, cancellationToken);
    }

    private sealed class Delivery(TMessage message, EventContext context)
    {
        public TMessage Message { get; } = message;
        public EventContext Context { get; } = context;
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
