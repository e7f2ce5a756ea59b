using System.Collections.Concurrent;

namespace CQCTP.Testing.Probe;

internal sealed class ProbeLog
{
    public ConcurrentQueue<(Guid ProbeId, long ConsumedTimestamp)> Consumed { get; } = new();

    /// <summary>Set by a test: the job waits in it.</summary>
    public Hold? JobHold { get; set; }

    /// <summary>Set by a test: poison probes are handled from now on, as after a fix is deployed.</summary>
    public bool PoisonCured { get; set; }

    /// <summary>Set by a test: the handler of a hold probe waits in it.</summary>
    public Hold? ConsumerHold { get; set; }
}
