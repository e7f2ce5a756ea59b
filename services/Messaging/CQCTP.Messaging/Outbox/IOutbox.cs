namespace CQCTP.Messaging.Outbox;

/// <summary>Records integration events in the caller's unit of work; they are published only if it commits.</summary>
public interface IOutbox
{
    /// <summary>Adds the event to the current DbContext; <c>SaveChanges</c> (and the transaction, if any) commits it.</summary>
    Guid Add<TMessage>(TMessage message, Guid? correlationId = null) where TMessage : class;
}
