using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>The person in charge of protecting personal information, as Law 25 requires it to be published.</summary>
public sealed record PrivacyOfficerRequest
{
    [Required]
    [MaxLength(200)]
    public string Name { get; init; } = "";

    /// <summary>The role's title, e.g. « Responsable de la protection des renseignements personnels ».</summary>
    [Required]
    [BilingualMaxLength(200)]
    public BilingualText Title { get; init; } = BilingualText.Of("");

    [Required]
    [EmailAddress]
    [MaxLength(254)]
    public string Email { get; init; } = "";

    [Phone]
    [MaxLength(40)]
    public string? Phone { get; init; }

    public PrivacyOfficerDetails ToDetails() => new(Name, Title, Email, Phone);
}
