using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Messaging.Outbox;

internal sealed class EfOutbox<TContext>(TContext db, TimeProvider clock) : IOutbox where TContext : DbContext
{
    public Guid Add<TMessage>(TMessage message, Guid? correlationId = null) where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        var outboxMessage = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = OutboxSerializer.TypeName(typeof(TMessage)),
            Body = JsonSerializer.Serialize(message, OutboxSerializer.Options),
            CorrelationId = correlationId,
            TraceParent = Activity.Current?.Id,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Set<OutboxMessage>().Add(outboxMessage);
        return outboxMessage.Id;
    }
}
