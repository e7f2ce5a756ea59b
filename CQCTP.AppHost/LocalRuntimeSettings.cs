namespace CQCTP.AppHost;

/// <summary>
/// Runtime settings for the .NET processes this AppHost starts on one machine (<c>run.sh</c>, the tests, the
/// benchmarks); a published deployment gets none of them.
/// </summary>
internal static class LocalRuntimeSettings
{
    public const string WriteXorExecuteKey = "LocalRun:WriteXorExecute";

    /// <summary>
    /// W^X (writable or executable memory, never both) off: its remapping on every JIT'd method cost a quarter of each
    /// service's start-up CPU on this 2-core machine (docs/benchmarks.md, start-up). It hardens a process against code
    /// injection, which a local run of our own code does not need; <c>LocalRun:WriteXorExecute=true</c> keeps it on.
    /// </summary>
    public static void ApplyLocalRuntimeSettings(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode
            || (bool.TryParse(builder.Configuration[WriteXorExecuteKey], out var keep) && keep))
        {
            return;
        }

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("DOTNET_EnableWriteXorExecute", "0");
        }
    }
}
