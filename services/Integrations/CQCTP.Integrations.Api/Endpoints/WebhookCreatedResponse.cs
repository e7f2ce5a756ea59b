using CQCTP.Integrations.Api.Domain;

namespace CQCTP.Integrations.Api.Endpoints;

/// <summary>The created subscription and its signing secret, shown this once (rotate it to get a new one).</summary>
public sealed record WebhookCreatedResponse(WebhookResponse Subscription, string Secret)
{
    public static WebhookCreatedResponse From(WebhookSubscription s) => new(WebhookResponse.From(s), s.Secret);
}
