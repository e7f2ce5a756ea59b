namespace CQCTP.Messaging.Jobs;

/// <summary>A daily (or other cron) job of a service, run by <see cref="IScheduledJobRunner"/> in America/Toronto.</summary>
public interface IScheduledJob
{
    /// <summary>Stable name: the advisory-lock key, the <c>job_runs</c> row and the metric tag.</summary>
    string Name { get; }

    /// <summary>Five-field cron in America/Toronto, e.g. <c>0 2 * * *</c> for 02:00 every day.</summary>
    string Schedule { get; }

    Task RunAsync(JobContext context, CancellationToken cancellationToken);
}
