using System.ComponentModel.DataAnnotations;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record RefusalRequest
{
    /// <summary>Why, as the applicant will read it (never about a person).</summary>
    [Required]
    [MaxLength(500)]
    public string Reason { get; init; } = "";

    /// <summary>Defaults to today in Quebec.</summary>
    public DateOnly? EffectiveDate { get; init; }
}
