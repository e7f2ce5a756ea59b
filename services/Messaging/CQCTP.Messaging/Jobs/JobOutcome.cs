namespace CQCTP.Messaging.Jobs;

public enum JobOutcome
{
    Succeeded,
    Failed,

    /// <summary>Another replica held the job's advisory lock: it is running the job.</summary>
    Skipped,
}
