namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>Webhook delivery settings (<c>Integrations:Webhooks</c>); docs/integrations.md lists them.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Integrations:Webhooks";

    /// <summary>5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts over about 27.6 hours.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetrySchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>The delay before each retry; empty means <see cref="DefaultRetrySchedule"/>.</summary>
    public List<TimeSpan> RetrySchedule { get; set; } = [];

    /// <summary>A subscription whose deliveries all failed for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>One attempt, connect to last byte: a slow receiver costs its own slot only.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How much of a receiver's answer is read (for the delivery log); the rest is dropped.</summary>
    public int MaxResponseBytes { get; set; } = 4096;

    /// <summary>Deliveries in flight at once, one per subscription at most.</summary>
    public int MaxParallel { get; set; } = 16;

    /// <summary>
    /// Stream messages the reader writes in one transaction at most (what has arrived, not waiting for more): fewer
    /// round trips per event under load, one message at a time when events are rare.
    /// </summary>
    public int StreamBatchSize { get; set; } = 100;

    /// <summary>How often due retries are looked for when nothing new arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Addresses a receiver may have although the SSRF guard refuses them (e.g. <c>127.0.0.1</c> for a local
    /// receiver), and http allowed: honoured in Development and Testing only.
    /// </summary>
    public List<string> AllowedAddresses { get; set; } = [];

    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule.Count > 0 ? RetrySchedule : DefaultRetrySchedule;
}
