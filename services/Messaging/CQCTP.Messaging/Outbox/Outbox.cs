using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Messaging.Outbox;

/// <summary>Records integration events in the caller's unit of work; they are published only if it commits.</summary>
public interface IOutbox
{
    /// <summary>Adds the event to the current DbContext; <c>SaveChanges</c> (and the transaction, if any) commits it.</summary>
    Guid Add<TMessage>(TMessage message, Guid? correlationId = null) where TMessage : class;
}

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

internal static class OutboxSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string typeName) =>
        Type.GetType(typeName, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type '{typeName}' is not loaded in this service.");
}
