using System.Diagnostics.Metrics;
using CQCTP.Messaging;

namespace CQCTP.Identity.Tests;

/// <summary>
/// Counts the deliveries one consumer's inbox recognized as already handled and skipped, while it lives. The project's
/// tests run one at a time (one collection), so every duplicate seen is the test's own.
/// </summary>
internal sealed class InboxDuplicateCounter : IDisposable
{
    private const string Instrument = "cqctp.inbox.duplicates";

    private readonly MeterListener listener = new();
    private long count;

    public InboxDuplicateCounter(string queue)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MessagingTelemetry.Name && instrument.Name == Instrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "consumer" && Equals(tag.Value, queue))
                {
                    Interlocked.Add(ref count, value);
                }
            }
        });
        listener.Start();
    }

    public long Count => Interlocked.Read(ref count);

    public void Dispose() => listener.Dispose();
}
