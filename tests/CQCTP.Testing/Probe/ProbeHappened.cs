namespace CQCTP.Testing.Probe;

/// <summary>A test event: recorded by the probe service's outbox, consumed by its own inbox consumer.</summary>
public sealed record ProbeHappened
{
    public required Guid ProbeId { get; init; }
    public required string Label { get; init; }

    /// <summary>When the producer began its transaction (for commit → consume latency).</summary>
    public required long ProducedTimestamp { get; init; }
}
