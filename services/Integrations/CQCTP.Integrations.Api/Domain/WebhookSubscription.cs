using CQCTP.Primitives;

namespace CQCTP.Integrations.Api.Domain;

/// <summary>
/// An integrator's webhook: an HTTPS endpoint, the events it wants, and the secret its deliveries are signed with.
/// Enabled → disabled when its receiver answers 410 Gone or fails for longer than the disable delay; its integrator
/// enables it again.
/// </summary>
public sealed class WebhookSubscription : IVersioned
{
    /// <summary>The <c>rule</c> of the 409 for enabling a subscription that is already enabled.</summary>
    public const string IllegalTransition = "illegal-transition";

    /// <summary>Disabled because the receiver answered 410 Gone.</summary>
    public const string Gone = "gone";

    /// <summary>Disabled because every delivery failed for longer than the disable delay.</summary>
    public const string Failing = "failing";

    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The integrator's client id: only it sees and changes the subscription.</summary>
    public string ClientId { get; private set; } = "";

    public string Url { get; private set; } = "";
    public IReadOnlyList<string> EventTypes { get; private set; } = [];
    public string? Description { get; private set; }

    /// <summary>The Standard Webhooks signing secret (<c>whsec_</c> + base64), shown once at creation and rotation.</summary>
    public string Secret { get; private set; } = "";

    public bool Enabled { get; private set; }
    public string? DisabledReason { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>Since when deliveries fail without a success in between; null while healthy.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static WebhookSubscription Register(string clientId, WebhookDetails details, string secret,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now),
            ClientId = clientId,
            Secret = secret,
            Enabled = true,
            CreatedAt = now,
        };
        subscription.Update(details, now);
        return subscription;
    }

    public void Update(WebhookDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Url = details.Url.AbsoluteUri;
        EventTypes = [.. details.EventTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        UpdatedAt = now;
    }

    public void RotateSecret(string secret, DateTimeOffset now)
    {
        Secret = secret;
        UpdatedAt = now;
    }

    /// <summary>Its integrator enables it again after fixing the receiver; failures count afresh.</summary>
    public void Enable(DateTimeOffset now)
    {
        if (Enabled)
        {
            throw DomainException.Conflict(IllegalTransition, new Localized(
                "L'abonnement est déjà actif; seul un abonnement désactivé peut être réactivé.",
                "The subscription is already enabled; only a disabled subscription can be enabled."));
        }

        Enabled = true;
        DisabledReason = null;
        DisabledAt = null;
        FailingSince = null;
        UpdatedAt = now;
    }

    public void RecordSuccess() => FailingSince = null;

    /// <summary>A failed delivery; true when it disables the subscription (failing for <paramref name="disableAfter"/>).</summary>
    public bool RecordFailure(DateTimeOffset now, TimeSpan disableAfter)
    {
        FailingSince ??= now;
        return now - FailingSince.Value >= disableAfter && Disable(Failing, now);
    }

    /// <summary>Disables it (<see cref="Gone"/> or <see cref="Failing"/>); false when it already was.</summary>
    public bool Disable(string reason, DateTimeOffset now)
    {
        if (!Enabled)
        {
            return false;
        }

        Enabled = false;
        DisabledReason = reason;
        DisabledAt = now;
        UpdatedAt = now;
        return true;
    }
}
