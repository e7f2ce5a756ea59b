using CQCTP.Integrations.Contracts;

namespace CQCTP.Integrations.Api.Domain;

/// <summary>The integration events a subscription's changes publish.</summary>
public static class WebhookEvents
{
    public static WebhookSubscriptionDisabled Disabled(WebhookSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new()
        {
            SubscriptionId = subscription.Id,
            ClientId = subscription.ClientId,
            Reason = subscription.DisabledReason ?? "",
            FailingSince = subscription.FailingSince,
            DisabledAt = subscription.DisabledAt ?? subscription.UpdatedAt,
        };
    }
}
