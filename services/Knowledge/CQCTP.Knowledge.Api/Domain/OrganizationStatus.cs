namespace CQCTP.Knowledge.Api.Domain;

/// <summary>
/// Whether a member organization may still use its portal here, as last heard from the membership service through
/// its <c>MembershipStatusChanged</c> events (Knowledge never reads Membership's database). No row means nothing
/// heard yet.
/// </summary>
public sealed class OrganizationStatus
{
    private OrganizationStatus()
    {
    }

    public Guid OrganizationId { get; private set; }
    public bool IsActiveMember { get; private set; }

    /// <summary>When Membership's status took effect: the ordering key between events.</summary>
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
