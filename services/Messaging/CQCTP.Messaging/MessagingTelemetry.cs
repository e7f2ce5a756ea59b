using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CQCTP.Messaging;

/// <summary>The activity source and meter of the messaging building block (exported by ServiceDefaults' "CQCTP.*").</summary>
public static class MessagingTelemetry
{
    public const string Name = "CQCTP.Messaging";

    public static readonly ActivitySource ActivitySource = new(Name);
    public static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Published = Meter.CreateCounter<long>("cqctp.outbox.published", "{message}",
        "Outbox rows published with a broker confirm");
    internal static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>("cqctp.outbox.publish_failures",
        "{message}", "Outbox publish attempts that failed and will be retried after a back-off");
    internal static readonly Counter<long> Consumed = Meter.CreateCounter<long>("cqctp.inbox.consumed", "{message}",
        "Messages whose effect committed with their inbox row");
    internal static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("cqctp.inbox.duplicates", "{message}",
        "Redelivered messages recognized by the inbox and skipped");
    internal static readonly Histogram<int> InboxBatchSize = Meter.CreateHistogram<int>("cqctp.inbox.batch_size",
        "{message}", "Deliveries handled per inbox transaction (more than one when deliveries queue up)");
    internal static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("cqctp.jobs.runs", "{run}",
        "Scheduled job runs, by job and outcome");
    internal static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("cqctp.jobs.duration", "s",
        "Duration of scheduled job runs");
}
