namespace CQCTP.Integrations.Api.Domain;

/// <summary>Where a delivery stands: pending (first try or a retry due), delivered, failed for good, or cancelled.</summary>
public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,

    /// <summary>Its subscription was disabled or deleted before it could be delivered.</summary>
    Cancelled,
}
