using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// The columns the directory query reads per service, before they become the public <see cref="DirectoryEntry"/>:
/// scalars only, so the page query reads no search vector, row version or timestamps.
/// </summary>
internal sealed record DirectoryRow(
    Guid ServiceId,
    string NameFr,
    string? NameEn,
    string CategoryCode,
    BilingualText CategoryLabel,
    string? EligibilityFr,
    string? EligibilityEn,
    string[] RegionCodes,
    string[] Languages,
    bool AddressesSexualExploitation,
    bool AddressesForcedLabour,
    Guid OrganizationId,
    string LegalName,
    string? CommonName,
    string? RegionCode,
    string? Website,
    string? PublicEmail,
    string? PublicPhone,
    string? PublishedStreet,
    string? PublishedCity,
    string? PublishedPostalCode)
{
    public DirectoryEntry ToEntry() => new(
        ServiceId, BilingualText.Of(NameFr, NameEn), new ServiceCategoryResponse(CategoryCode, CategoryLabel),
        EligibilityFr is null ? null : BilingualText.Of(EligibilityFr, EligibilityEn),
        RegionCodes, Languages,
        [
            .. AddressesSexualExploitation ? [ServiceFocus.SexualExploitation] : Array.Empty<ServiceFocus>(),
            .. AddressesForcedLabour ? [ServiceFocus.ForcedLabour] : Array.Empty<ServiceFocus>(),
        ],
        new DirectoryOrganization(OrganizationId, LegalName, CommonName, RegionCode, Website, PublicEmail, PublicPhone,
            PublishedStreet is null || PublishedCity is null || PublishedPostalCode is null
                ? null
                : new DirectoryAddress(PublishedStreet, PublishedCity, PublishedPostalCode)));
}
