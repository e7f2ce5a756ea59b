using CQCTP.Integrations.Api.Domain;

namespace CQCTP.Integrations.Api.Endpoints;

/// <summary>One line of a subscription's delivery log.</summary>
public sealed record WebhookDeliveryResponse(Guid Id, Guid MessageId, string EventType, DeliveryStatus Status,
    int Attempts, int? LastStatusCode, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt);
