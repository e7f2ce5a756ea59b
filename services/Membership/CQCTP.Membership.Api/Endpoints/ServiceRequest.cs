using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// A service an organization offers, as created (POST) or replaced (PUT). Its texts describe the service, never a case
/// or a person: direct identifiers are refused (422), except the organization's own public email and the published
/// contacts (help lines) staff list.
/// </summary>
public sealed record ServiceRequest
{
    /// <summary>A code of <c>/api/v1/membership/service-categories</c>.</summary>
    [Required]
    [RegularExpression(ServiceCategory.CodePattern)]
    public string Category { get; init; } = "";

    [Required]
    [BilingualMaxLength(200)]
    public BilingualText Name { get; init; } = BilingualText.Of("");

    /// <summary>Who the service is for (age, gender, status…), in general terms.</summary>
    [BilingualMaxLength(2000)]
    public BilingualText? Eligibility { get; init; }

    /// <summary>Administrative regions served, <c>01</c>–<c>17</c>.</summary>
    [MaxLength(17)]
    public IReadOnlyList<string> RegionCodes { get; init; } = [];

    /// <summary>Languages the service is offered in, ISO 639 codes (<c>fr</c>, <c>en</c>, <c>es</c>…).</summary>
    [MaxLength(20)]
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Sexual exploitation, forced labour, or both (at least one).</summary>
    [Required]
    public IReadOnlyList<ServiceFocus> Focus { get; init; } = [];

    /// <summary>Shown in the public directory (when the organization is an active member). Private by default.</summary>
    public bool IsPublic { get; init; }

    public ServiceOfferingDetails ToDetails() =>
        new(Category, Name, Eligibility, RegionCodes, Languages, Focus, IsPublic);
}
