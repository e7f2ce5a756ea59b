namespace CQCTP.Integrations.Api.Domain;

/// <summary>
/// One event for one subscription (unique per subscription and <c>messageId</c>): the envelope to POST, and the log of
/// its attempts an integrator reads.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery()
    {
    }

    public Guid Id { get; private set; }
    public Guid SubscriptionId { get; private set; }

    /// <summary>The envelope's <c>messageId</c>: the <c>webhook-id</c> of every attempt.</summary>
    public Guid MessageId { get; private set; }

    /// <summary>The catalogue's name of the event (<c>OrganizationRegistered</c>).</summary>
    public string EventType { get; private set; } = "";

    /// <summary>The MassTransit envelope exactly as the bus published it (JSON).</summary>
    public string Payload { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>When the next attempt is due; while one runs, the end of its claim.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    public static WebhookDelivery Create(Guid subscriptionId, Guid messageId, string eventType, string payload,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            SubscriptionId = subscriptionId,
            MessageId = messageId,
            EventType = eventType,
            Payload = payload,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };

    public void Delivered(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        Status = DeliveryStatus.Delivered;
        LastStatusCode = statusCode;
        LastError = null;
        NextAttemptAt = null;
        DeliveredAt = now;
    }

    /// <summary>A failed attempt: retried at <paramref name="retryAt"/>, or failed for good when null.</summary>
    public void AttemptFailed(int? statusCode, string error, DateTimeOffset? retryAt)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAt = retryAt;
        Status = retryAt is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
    }

    public void Cancel(string reason)
    {
        Status = DeliveryStatus.Cancelled;
        LastError = reason;
        NextAttemptAt = null;
    }
}
