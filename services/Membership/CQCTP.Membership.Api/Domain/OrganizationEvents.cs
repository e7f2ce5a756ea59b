using CQCTP.Membership.Contracts;

namespace CQCTP.Membership.Api.Domain;

/// <summary>The integration events an organization's changes produce (recorded with the outbox).</summary>
public static class OrganizationEvents
{
    public static OrganizationRegistered Registered(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new OrganizationRegistered
        {
            OrganizationId = organization.Id,
            LegalName = organization.LegalName,
            CommonName = organization.CommonName,
            RegionCode = organization.RegionCode,
            Status = organization.Status.ToString().ToLowerInvariant(),
            RegisteredAt = organization.CreatedAt,
        };
    }
}
