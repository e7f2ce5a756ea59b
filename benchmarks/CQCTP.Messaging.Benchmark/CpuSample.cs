using System.Diagnostics;
using System.Globalization;

namespace CQCTP.Messaging.Benchmark;

/// <summary>CPU used by this process (the AppHost and the probe: producer, relay, consumer) and by the whole machine.</summary>
internal sealed record CpuSample(TimeSpan Process, long MachineBusyTicks, long MachineTotalTicks, long Timestamp)
{
    public static CpuSample Take()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        // /proc/stat's first line: cpu user nice system idle iowait irq softirq steal … (in clock ticks).
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        return new CpuSample(self.TotalProcessorTime, fields.Sum() - idle, fields.Sum(), Stopwatch.GetTimestamp());
    }

    public void PrintSince(CpuSample start, int events)
    {
        var seconds = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
        var process = (Process - start.Process).TotalSeconds;
        var busy = (double)(MachineBusyTicks - start.MachineBusyTicks) / (MachineTotalTicks - start.MachineTotalTicks);
        Console.WriteLine(FormattableString.Invariant(
            $"  cpu: benchmark process {process:F1} s ({process / seconds * 100:F0} % of one core, {process * 1000 / events:F2} ms per event); machine {busy * 100:F0} % busy over {Environment.ProcessorCount} cores"));
    }
}
