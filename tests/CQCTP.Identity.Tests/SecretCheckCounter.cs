using System.Diagnostics.Metrics;
using CQCTP.Identity.Api;

namespace CQCTP.Identity.Tests;

/// <summary>
/// Counts the service's secret checks (PBKDF2 runs) while it lives. The service runs in this process, and the
/// project's tests run one at a time (one collection), so every measurement seen is the test's own.
/// </summary>
internal sealed class SecretCheckCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private long count;

    public SecretCheckCounter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IdentityTelemetry.Name && instrument.Name == IdentityTelemetry.SecretChecksInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
        listener.Start();
    }

    public long Count => Interlocked.Read(ref count);

    public void Dispose() => listener.Dispose();
}
