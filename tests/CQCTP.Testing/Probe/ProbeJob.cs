using System.Diagnostics;
using CQCTP.Messaging;
using CQCTP.Messaging.Jobs;
using CQCTP.Messaging.Outbox;

namespace CQCTP.Testing.Probe;

/// <summary>A daily job whose event must fire once per local date, however many times it runs.</summary>
internal sealed class ProbeJob(ProbeDbContext db, IOutbox outbox, ProbeLog log) : IScheduledJob
{
    public string Name => ProbeService.JobName;
    public string Schedule => "0 3 * * *";

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        if (log.JobHold is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        await db.InTransactionAsync(async ct =>
        {
            var key = $"daily:{context.LocalDate:yyyy-MM-dd}";
            if (await context.ClaimOnceAsync(db, key, ct))
            {
                outbox.Add(new ProbeHappened
                {
                    ProbeId = Guid.CreateVersion7(),
                    Label = $"job:{context.LocalDate:yyyy-MM-dd}",
                    ProducedTimestamp = Stopwatch.GetTimestamp(),
                });
            }

            return key;
        }, cancellationToken);
    }
}
