using System.Diagnostics;
using CQCTP.Messaging.Inbox;

namespace CQCTP.Testing.Probe;

internal sealed class ProbeConsumer(ProbeDbContext db, ProbeLog log) : IEventConsumer<ProbeHappened>
{
    public async Task HandleAsync(ProbeHappened message, EventContext context, CancellationToken cancellationToken)
    {
        if (message.Label == ProbeService.PoisonLabel && !log.PoisonCured)
        {
            throw new InvalidOperationException("A poison probe: its handler always fails.");
        }

        if (message.Label == ProbeService.HoldLabel && log.ConsumerHold is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        db.Effects.Add(new ProbeEffect
        {
            Id = Guid.CreateVersion7(),
            ProbeId = message.ProbeId,
            MessageId = context.MessageId,
            Label = message.Label,
        });
        log.Consumed.Enqueue((message.ProbeId, Stopwatch.GetTimestamp()));
    }
}
