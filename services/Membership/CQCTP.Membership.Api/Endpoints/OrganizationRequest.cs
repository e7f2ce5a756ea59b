using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>An organization's details, as created (POST), replaced (PUT) or patched (PATCH).</summary>
public sealed record OrganizationRequest
{
    [Required]
    [MaxLength(200)]
    public string LegalName { get; init; } = "";

    [MaxLength(200)]
    public string? CommonName { get; init; }

    /// <summary>Quebec administrative region, 01 (Bas-Saint-Laurent) to 17 (Centre-du-Québec).</summary>
    [RegularExpression("^(0[1-9]|1[0-7])$")]
    public string? RegionCode { get; init; }

    /// <summary>The organization's public contact address (not a person's).</summary>
    [EmailAddress]
    [MaxLength(254)]
    public string? PublicEmail { get; init; }

    [Url]
    [MaxLength(500)]
    public string? Website { get; init; }

    [BilingualMaxLength(2000)]
    public BilingualText? Description { get; init; }

    public OrganizationDetails ToDetails() =>
        new(LegalName, CommonName, RegionCode, PublicEmail, Website, Description);

    public static OrganizationRequest From(Organization organization) => new()
    {
        LegalName = organization.LegalName,
        CommonName = organization.CommonName,
        RegionCode = organization.RegionCode,
        PublicEmail = organization.PublicEmail,
        Website = organization.Website,
        Description = organization.Description,
    };
}
