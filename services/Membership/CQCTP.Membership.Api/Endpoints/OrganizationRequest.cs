using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// An organization's profile, as created (POST), replaced (PUT), patched (PATCH) or sent with an application. Only
/// <see cref="LegalName"/> is required. List elements are checked by <see cref="OrganizationRules"/>.
/// </summary>
public sealed record OrganizationRequest
{
    /// <summary>Quebec administrative regions, 01 (Bas-Saint-Laurent) to 17 (Centre-du-Québec).</summary>
    public const string RegionPattern = "^(0[1-9]|1[0-7])$";

    /// <summary>E.164 (<c>+15145550199</c>) or a North American number (<c>514 555-0199</c>, <c>(514) 555-0199 poste 12</c>).</summary>
    public const string PhonePattern =
        @"^(\+[1-9]\d{7,14}|(\+?1[ .-]?)?(\([2-9]\d{2}\)|[2-9]\d{2})[ .-]?[2-9]\d{2}[ .-]?\d{4}( ?(x|ext\.?|poste) ?\d{1,6})?)$";

    [Required]
    [MaxLength(200)]
    public string LegalName { get; init; } = "";

    [MaxLength(200)]
    public string? CommonName { get; init; }

    public OrganizationType? Type { get; init; }

    [MaxLength(2)]
    public IReadOnlyList<FocusArea>? FocusAreas { get; init; }

    /// <summary>The head office's administrative region.</summary>
    [RegularExpression(RegionPattern)]
    public string? RegionCode { get; init; }

    /// <summary>Every administrative region served (<c>01</c>–<c>17</c>).</summary>
    [MaxLength(17)]
    public IReadOnlyList<string>? RegionsServed { get; init; }

    /// <summary>ISO 639-1 codes (<c>fr</c>, <c>en</c>, <c>es</c>…).</summary>
    [MaxLength(30)]
    public IReadOnlyList<string>? LanguagesServed { get; init; }

    /// <summary>The organization's public contact address (not a person's).</summary>
    [EmailAddress]
    [MaxLength(254)]
    public string? PublicEmail { get; init; }

    [MaxLength(40)]
    [RegularExpression(PhonePattern)]
    public string? PublicPhone { get; init; }

    [Url]
    [MaxLength(500)]
    public string? Website { get; init; }

    [BilingualMaxLength(2000)]
    public BilingualText? Description { get; init; }

    public AddressRequest? Address { get; init; }

    /// <summary>Whether anyone but staff and the organization itself may see the address. Private by default.</summary>
    public bool AddressIsPublic { get; init; }

    public OrganizationDetails ToDetails() =>
        new(LegalName, CommonName, RegionCode, PublicEmail, Website, Description, Type, FocusAreas, RegionsServed,
            LanguagesServed, PublicPhone, Address?.ToAddress(), AddressIsPublic);

    public static OrganizationRequest From(Organization organization) => new()
    {
        LegalName = organization.LegalName,
        CommonName = organization.CommonName,
        Type = organization.Type,
        FocusAreas = organization.FocusAreas,
        RegionCode = organization.RegionCode,
        RegionsServed = organization.RegionsServed,
        LanguagesServed = organization.LanguagesServed,
        PublicEmail = organization.PublicEmail,
        PublicPhone = organization.PublicPhone,
        Website = organization.Website,
        Description = organization.Description,
        Address = organization.Address is { } address ? AddressRequest.From(address) : null,
        AddressIsPublic = organization.AddressIsPublic,
    };
}
