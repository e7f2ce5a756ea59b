using System.ComponentModel.DataAnnotations;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>An organization's dues for a fiscal year: the amount (CAD) and, once paid, the payment date.</summary>
public sealed record DuesRequest
{
    /// <summary>The fiscal year's first calendar year: <c>2026</c> is April 1, 2026 – March 31, 2027.</summary>
    [Required]
    [Range(2000, 2100)]
    public int? FiscalYear { get; init; }

    /// <summary>In Canadian dollars.</summary>
    [Required]
    [Range(typeof(decimal), "0", "100000")]
    public decimal? Amount { get; init; }

    public DateOnly? PaidOn { get; init; }
}
