namespace CQCTP.Messaging.Jobs;

/// <summary>A key a job has acted on (item, due date, kind): its event is recorded once per key.</summary>
public sealed class JobOccurrence
{
    public required string Job { get; init; }
    public required string Key { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
