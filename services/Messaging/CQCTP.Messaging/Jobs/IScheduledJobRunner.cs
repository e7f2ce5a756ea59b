namespace CQCTP.Messaging.Jobs;

/// <summary>Runs the service's scheduled jobs; also lets an operator (or a test) run one now.</summary>
public interface IScheduledJobRunner
{
    Task<JobOutcome> RunNowAsync(string job, DateTimeOffset scheduledFor, CancellationToken cancellationToken);
}
