namespace CQCTP.Identity.Api.Domain;

/// <summary>
/// Whether a member organization may still use its portal clients, as last heard from the membership service.
/// Fed by Membership's <c>MembershipStatusChanged</c> events; no row means nothing heard yet, and the portal keeps
/// getting tokens (docs/security.md).
/// </summary>
public sealed class OrganizationStatus
{
    private OrganizationStatus()
    {
    }

    public Guid OrganizationId { get; private set; }
    public bool IsActiveMember { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static OrganizationStatus Record(Guid organizationId, bool isActiveMember, DateTimeOffset at) =>
        new() { OrganizationId = organizationId, IsActiveMember = isActiveMember, UpdatedAt = at };

    public void Update(bool isActiveMember, DateTimeOffset at)
    {
        // Events can arrive out of order: an older fact never overwrites a newer one.
        if (at >= UpdatedAt)
        {
            IsActiveMember = isActiveMember;
            UpdatedAt = at;
        }
    }
}
