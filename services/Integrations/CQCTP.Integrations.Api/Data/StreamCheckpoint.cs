namespace CQCTP.Integrations.Api.Data;

/// <summary>
/// The last stream offset a reader handled, committed with what it created from it: a restart resumes after it,
/// neither losing nor repeating an event.
/// </summary>
public sealed class StreamCheckpoint
{
    public string Stream { get; set; } = "";
    public long Offset { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
