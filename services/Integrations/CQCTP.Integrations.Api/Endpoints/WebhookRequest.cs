using System.ComponentModel.DataAnnotations;
using CQCTP.Integrations.Api.Domain;

namespace CQCTP.Integrations.Api.Endpoints;

/// <summary>A webhook subscription as created (POST) or replaced (PUT). The secret is the server's.</summary>
public sealed record WebhookRequest
{
    /// <summary>The receiver: https (http only in Development); its host must resolve to a public address.</summary>
    [Required]
    [MaxLength(2000)]
    [Url]
    public string Url { get; init; } = "";

    /// <summary>Event names from the catalogue (<c>OrganizationRegistered</c>…); personal events are not offered.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(50)]
    public IReadOnlyList<string> EventTypes { get; init; } = [];

    /// <summary>What the integrator uses it for (never a person's identifier).</summary>
    [MaxLength(500)]
    public string? Description { get; init; }

    public WebhookDetails ToDetails() => new(new Uri(Url), EventTypes, Description);
}
