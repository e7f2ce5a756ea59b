using System.ComponentModel.DataAnnotations;
using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>Admitting a pending organization (approving its application, or one staff registered).</summary>
public sealed record ActivationRequest
{
    [Required]
    public MembershipType? MembershipType { get; init; }

    [MaxLength(500)]
    public string? Reason { get; init; }

    /// <summary>Defaults to today in Quebec.</summary>
    public DateOnly? EffectiveDate { get; init; }
}
