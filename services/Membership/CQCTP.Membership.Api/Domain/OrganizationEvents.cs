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
            RegionsServed = organization.RegionsServed,
            Status = Organization.Spelling(organization.Status),
            RegisteredAt = organization.CreatedAt,
        };
    }

    public static OrganizationProfileUpdated ProfileUpdated(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new OrganizationProfileUpdated
        {
            OrganizationId = organization.Id,
            LegalName = organization.LegalName,
            CommonName = organization.CommonName,
            RegionCode = organization.RegionCode,
            RegionsServed = organization.RegionsServed,
            UpdatedAt = organization.UpdatedAt,
        };
    }

    public static MembershipActivated Activated(Organization organization, MembershipStatusChange change)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(change);
        return new MembershipActivated
        {
            OrganizationId = organization.Id,
            MembershipType = organization.MembershipType?.ToString().ToLowerInvariant() ?? "",
            EffectiveDate = change.EffectiveDate,
            ActivatedAt = change.ChangedAt,
        };
    }

    public static MembershipStatusChanged StatusChanged(MembershipStatusChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new MembershipStatusChanged
        {
            OrganizationId = change.OrganizationId,
            OldStatus = Organization.Spelling(change.OldStatus),
            NewStatus = Organization.Spelling(change.NewStatus),
            Reason = change.Reason,
            EffectiveDate = change.EffectiveDate,
            ChangedAt = change.ChangedAt,
        };
    }
}
