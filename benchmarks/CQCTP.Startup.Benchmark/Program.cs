using System.Diagnostics;
using System.Globalization;
using CQCTP.Testing;
using Microsoft.Extensions.Configuration;

// Start-up of the whole AppHost, as every developer and every whole-platform test fixture pays it: one start on a
// fresh data root, then --runs starts on that same (existing) root. For each: when each resource started, ran and
// turned healthy, and when the gateway first served a staff request. Then each service's resident memory at rest.
// Usage: dotnet run -c Release --project benchmarks/CQCTP.Startup.Benchmark -- [--runs=5] [--demo-data=true]
//        [--idle=20]  (docs/benchmarks.md)
var options = new ConfigurationBuilder().AddCommandLine(args).Build();
var runs = options.GetValue("runs", 5);
var demoData = options.GetValue("demo-data", false);
var idleSeconds = options.GetValue("idle", 20);
var culture = CultureInfo.InvariantCulture;

var dataRoot = PlatformInstance.NewDataRoot();
var fresh = new List<double>();
var existing = new List<double>();
var served = new List<double>();
try
{
    for (var run = 0; run <= runs; run++)
    {
        var kind = run == 0 ? "fresh data root" : "existing data root";
        var started = Stopwatch.StartNew();
        await using var platform = await PlatformInstance.StartAsync(dataRoot, seedDemoData: demoData);
        var healthy = started.Elapsed;
        using var staff = platform.CreateGatewayClient();
        using (var response = await staff.GetAsync(new Uri("/api/v1/membership/organizations?pageSize=1", UriKind.Relative)))
        {
            response.EnsureSuccessStatusCode();
        }

        var firstStaffRequest = started.Elapsed;
        (run == 0 ? fresh : existing).Add(healthy.TotalSeconds);
        if (run > 0)
        {
            served.Add(firstStaffRequest.TotalSeconds);
        }

        Console.WriteLine(string.Create(culture,
            $"Run {run} ({kind}): every resource healthy in {healthy.TotalSeconds:F1} s, first staff request served at {firstStaffRequest.TotalSeconds:F1} s"));
        PrintTimeline(platform.Timeline);
        PrintStartCpu(platform);

        if (run == runs)
        {
            Console.WriteLine($"Resident memory after {idleSeconds} s at rest:");
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            foreach (var resource in platform.Timeline.Milestones.Select(m => m.Resource).Distinct().Order(StringComparer.Ordinal))
            {
                if (platform.ResourceProcessId(resource) is { } pid && ResidentMegabytes(pid) is { } megabytes)
                {
                    Console.WriteLine(string.Create(culture, $"  {resource,-20} {megabytes,6:F0} MB"));
                }
            }
        }
    }
}
finally
{
    PlatformInstance.DeleteQuietly(dataRoot);
}

Console.WriteLine(string.Create(culture,
    $"Fresh data root: {fresh[0]:F1} s. Existing data root, median of {existing.Count}: {Median(existing):F1} s (min {existing.Min():F1}, max {existing.Max():F1}); first staff request: median {Median(served):F1} s"));

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static void PrintTimeline(StartupTimeline timeline)
{
    var culture = CultureInfo.InvariantCulture;
    string[] columns = ["Starting", "Running", StartupTimeline.Healthy, "Finished", "Exited"];
    Console.WriteLine($"  {"resource",-20} {string.Join(' ', columns.Select(c => $"{c,9}"))}");
    foreach (var resource in timeline.Milestones.Select(m => m.Resource).Distinct())
    {
        var cells = columns.Select(c => timeline.At(resource, c) is { } at ? string.Create(culture, $"{at.TotalSeconds,8:F1}s") : $"{"-",9}");
        Console.WriteLine($"  {resource,-20} {string.Join(' ', cells)}");
    }
}

// CPU seconds each process spent until every resource was healthy: on two cores the processes starting at once share
// about two CPU-seconds per second, so this says how much of the wall time is compute rather than waiting.
static void PrintStartCpu(PlatformInstance platform)
{
    var culture = CultureInfo.InvariantCulture;
    var total = 0.0;
    var line = new List<string>();
    foreach (var resource in platform.Timeline.Milestones.Select(m => m.Resource).Distinct().Order(StringComparer.Ordinal))
    {
        if (platform.ResourceProcessId(resource) is { } pid && CpuSeconds(pid) is { } seconds)
        {
            total += seconds;
            line.Add(string.Create(culture, $"{resource} {seconds:F1}"));
        }
    }

    Console.WriteLine(string.Create(culture, $"  CPU seconds to healthy: {string.Join(", ", line)}; total {total:F1}"));
}

// utime + stime from /proc/<pid>/stat, in clock ticks of 1/100 s (Linux's USER_HZ).
static double? CpuSeconds(int pid)
{
    var stat = $"/proc/{pid}/stat";
    if (!File.Exists(stat))
    {
        return null;
    }

    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    var text = File.ReadAllText(stat);
    var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

// VmRSS from /proc: the resident set the kernel reports for the process (Linux only, like the rest of the platform).
static double? ResidentMegabytes(int pid)
{
    var status = $"/proc/{pid}/status";
    if (!File.Exists(status))
    {
        return null;
    }

    var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
