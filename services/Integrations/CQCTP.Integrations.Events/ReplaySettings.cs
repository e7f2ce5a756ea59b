namespace CQCTP.Integrations.Events;

/// <summary>The settings of the replay stream, read by the topology step that declares it.</summary>
public static class ReplaySettings
{
    /// <summary>How long the stream keeps events: a <see cref="TimeSpan"/> (<c>30.00:00:00</c>).</summary>
    public const string RetentionKey = "Integrations:Replay:Retention";

    /// <summary>What integrators are promised (docs/integrations.md): 30 days.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(30);
}
