using CQCTP.Integrations.Api.Domain;

namespace CQCTP.Integrations.Api.Endpoints;

/// <summary>A subscription as its integrator reads it (never its secret).</summary>
public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description,
    bool Enabled, string? DisabledReason, DateTimeOffset? DisabledAt, DateTimeOffset? FailingSince,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookResponse From(WebhookSubscription s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Url, s.EventTypes, s.Description, s.Enabled, s.DisabledReason, s.DisabledAt, s.FailingSince,
            s.CreatedAt, s.UpdatedAt);
    }
}
