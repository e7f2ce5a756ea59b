using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A new service category: its stable code and its label.</summary>
public sealed record ServiceCategoryRequest
{
    /// <summary>Stable, kebab-case (<c>peer-support</c>); it never changes once created.</summary>
    [Required]
    [RegularExpression(ServiceCategory.CodePattern)]
    public string Code { get; init; } = "";

    [Required]
    [BilingualMaxLength(100)]
    public BilingualText Label { get; init; } = BilingualText.Of("");
}
