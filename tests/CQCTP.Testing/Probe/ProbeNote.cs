namespace CQCTP.Testing.Probe;

/// <summary>The producer's "change": committed (or rolled back) with the outbox row.</summary>
public sealed class ProbeNote
{
    public Guid Id { get; init; }
    public required string Label { get; init; }
}
