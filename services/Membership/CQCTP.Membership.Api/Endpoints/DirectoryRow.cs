using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>What the directory query reads per service, before it becomes the public <see cref="DirectoryEntry"/>.</summary>
internal sealed record DirectoryRow(
    ServiceOffering Service,
    Guid OrganizationId,
    string LegalName,
    string? CommonName,
    string? RegionCode,
    string? Website,
    string? PublicEmail,
    string? PublicPhone,
    string? PublishedStreet,
    string? PublishedCity,
    string? PublishedPostalCode,
    BilingualText CategoryLabel)
{
    public DirectoryEntry ToEntry() => new(
        Service.Id, Service.Name, new ServiceCategoryResponse(Service.CategoryCode, CategoryLabel), Service.Eligibility,
        Service.RegionCodes, Service.Languages, Service.Focus,
        new DirectoryOrganization(OrganizationId, LegalName, CommonName, RegionCode, Website, PublicEmail, PublicPhone,
            PublishedStreet is null || PublishedCity is null || PublishedPostalCode is null
                ? null
                : new DirectoryAddress(PublishedStreet, PublishedCity, PublishedPostalCode)));
}
