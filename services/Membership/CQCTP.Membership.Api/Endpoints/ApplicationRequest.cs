using System.ComponentModel.DataAnnotations;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A public membership application: the organization's profile, where to answer, and an optional message.</summary>
public sealed record ApplicationRequest
{
    [Required]
    public OrganizationRequest? Organization { get; init; }

    /// <summary>Where staff send the answer; the organization's public address is fine.</summary>
    [Required]
    [EmailAddress]
    [MaxLength(254)]
    public string ContactEmail { get; init; } = "";

    [MaxLength(2000)]
    [Multiline]
    public string? Message { get; init; }
}
