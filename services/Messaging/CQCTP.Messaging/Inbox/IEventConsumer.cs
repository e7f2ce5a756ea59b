namespace CQCTP.Messaging.Inbox;

/// <summary>
/// A service's reaction to an integration event. It changes its DbContext (and may add follow-up events with
/// <see cref="Outbox.IOutbox"/>); the inbox saves and commits those changes together with the inbox row, once.
/// Handlers never see MassTransit's ConsumeContext, so they cannot publish around the outbox.
/// <para>
/// Under load one instance handles several messages in turn, in one transaction (saved after each), and a call may
/// be rolled back and made again when another message of its batch fails: keep no state between calls and change
/// nothing outside the DbContext.
/// </para>
/// </summary>
public interface IEventConsumer<in TMessage> where TMessage : class
{
    Task HandleAsync(TMessage message, EventContext context, CancellationToken cancellationToken);
}
