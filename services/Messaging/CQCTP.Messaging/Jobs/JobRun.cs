namespace CQCTP.Messaging.Jobs;

/// <summary>The last run of a scheduled job, visible in the service's database.</summary>
public sealed class JobRun
{
    public required string Job { get; init; }
    public DateTimeOffset LastScheduledFor { get; set; }
    public DateTimeOffset LastStartedAt { get; set; }
    public DateTimeOffset? LastFinishedAt { get; set; }
    public string LastOutcome { get; set; } = "";
    public string? LastError { get; set; }
}
