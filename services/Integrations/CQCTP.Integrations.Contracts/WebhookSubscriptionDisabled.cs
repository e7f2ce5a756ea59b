namespace CQCTP.Integrations.Contracts;

/// <summary>
/// Published when the platform disables a webhook subscription: its receiver answered <c>410 Gone</c>, or every delivery
/// to it failed for longer than the disable delay (3 days by default). Not when its integrator deletes it. Kept from
/// integrators: it names a client, which other integrators have no business knowing (the owner sees the state on its
/// subscription).
/// </summary>
[PersonalData]
public sealed record WebhookSubscriptionDisabled
{
    public required Guid SubscriptionId { get; init; }

    /// <summary>The integrator's client id (the subscription's owner).</summary>
    public required string ClientId { get; init; }

    /// <summary><c>gone</c> (the receiver answered 410) or <c>failing</c> (failures for longer than the delay).</summary>
    public required string Reason { get; init; }

    /// <summary>Since when deliveries failed without a success; absent for <c>gone</c> after a success.</summary>
    public DateTimeOffset? FailingSince { get; init; }

    public required DateTimeOffset DisabledAt { get; init; }
}
