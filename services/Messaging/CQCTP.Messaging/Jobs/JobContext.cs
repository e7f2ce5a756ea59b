using Microsoft.EntityFrameworkCore;

namespace CQCTP.Messaging.Jobs;

/// <summary>What a run knows: when it was due, the local date it is for, and how to act once per key.</summary>
public sealed class JobContext(string job, DateTimeOffset scheduledFor, DateOnly localDate)
{
    public string Job { get; } = job;
    public DateTimeOffset ScheduledFor { get; } = scheduledFor;

    /// <summary>The date in America/Toronto the run is for ("today" for the coalition).</summary>
    public DateOnly LocalDate { get; } = localDate;

    /// <summary>
    /// Claims <paramref name="key"/> for this job in <paramref name="db"/>'s current transaction: true the first time,
    /// false ever after. Record the key's event with the outbox in the same transaction, so a second run (or a
    /// second replica) publishes nothing more.
    /// </summary>
    public async Task<bool> ClaimOnceAsync(DbContext db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO job_occurrences (job, key, created_at) VALUES ({Job}, {key}, now()) ON CONFLICT DO NOTHING
            """, cancellationToken);
        return inserted == 1;
    }
}
