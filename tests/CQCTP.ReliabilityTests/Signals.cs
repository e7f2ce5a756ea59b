using System.Diagnostics;
using System.Globalization;

namespace CQCTP.ReliabilityTests;

/// <summary>POSIX signals to processes the test platform started (found by their pid files, never by name).</summary>
internal static class Signals
{
    public static void Send(string signal, IEnumerable<int> pids)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill",
            [$"-{signal}", .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))])
        {
            RedirectStandardError = true,
        })!;
        kill.WaitForExit(TimeSpan.FromSeconds(10));
    }
}
