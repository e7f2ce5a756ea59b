namespace CQCTP.Testing.Probe;

/// <summary>The consumer's effect: one row per handled delivery, so a duplicate effect would show as two rows.</summary>
public sealed class ProbeEffect
{
    public Guid Id { get; init; }
    public Guid ProbeId { get; init; }
    public Guid MessageId { get; init; }
    public required string Label { get; init; }
}
