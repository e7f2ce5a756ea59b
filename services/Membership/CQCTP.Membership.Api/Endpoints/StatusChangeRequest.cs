using System.ComponentModel.DataAnnotations;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A membership status change (suspend, lapse, withdraw, reactivate).</summary>
public sealed record StatusChangeRequest
{
    /// <summary>Why, about the organization (never about a person).</summary>
    [MaxLength(500)]
    public string? Reason { get; init; }

    /// <summary>Defaults to today in Quebec.</summary>
    public DateOnly? EffectiveDate { get; init; }
}
