namespace CQCTP.Messaging;

/// <summary>Bound from the <c>Messaging</c> configuration section of a service.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>How often the relay looks for rows it was not signalled about (missed NOTIFY, retries due).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim keeps other relays off a row. A relay gives up publishing its rows after half of it (15 s at
    /// most), so a live relay is never overtaken; one that died holding rows delays them this long. Fault tests
    /// shorten it (<c>Messaging__ClaimLease</c>).
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Rows claimed per relay transaction.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Batches a relay publishes at once (each claims its own rows): confirms of one overlap the next.</summary>
    public int RelayWorkers { get; set; } = 2;

    /// <summary>How long published outbox rows are kept (for investigation) before the sweep deletes them.</summary>
    public TimeSpan DispatchedRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long inbox rows are kept: longer than any redelivery can take.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Ceiling of the exponential back-off between publish attempts of one row.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Concurrent deliveries per consumer queue. Cheap: they wait for one of <see cref="InboxTransactions"/> and are
    /// committed in batches, so more of them make bigger batches, not more database connections.
    /// </summary>
    public int ConcurrentMessageLimit { get; set; } = 128;

    /// <summary>Inbox transactions a consumer runs at once; deliveries beyond them wait and are committed together.</summary>
    public int InboxTransactions { get; set; } = 2;

    /// <summary>Most deliveries one inbox transaction takes.</summary>
    public int InboxBatchSize { get; set; } = 64;
}
