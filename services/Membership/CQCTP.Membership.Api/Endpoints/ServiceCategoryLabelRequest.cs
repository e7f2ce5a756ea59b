using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Validation;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A category's new label (its code never changes).</summary>
public sealed record ServiceCategoryLabelRequest
{
    [Required]
    [BilingualMaxLength(100)]
    public BilingualText Label { get; init; } = BilingualText.Of("");
}
