namespace CQCTP.Membership.Api.Domain;

/// <summary>One line of an organization's membership history; never changed once written.</summary>
public sealed class MembershipStatusChange
{
    private MembershipStatusChange()
    {
    }

    internal MembershipStatusChange(Guid organizationId, MembershipStatus oldStatus, MembershipStatus newStatus,
        MembershipDecision decision)
    {
        Id = Guid.CreateVersion7(decision.DecidedAt);
        OrganizationId = organizationId;
        OldStatus = oldStatus;
        NewStatus = newStatus;
        Reason = string.IsNullOrWhiteSpace(decision.Reason) ? null : decision.Reason.Trim();
        EffectiveDate = decision.EffectiveDate;
        ChangedAt = decision.DecidedAt;
        ChangedBy = decision.DecidedBy;
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public MembershipStatus OldStatus { get; private set; }
    public MembershipStatus NewStatus { get; private set; }
    public string? Reason { get; private set; }
    public DateOnly EffectiveDate { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";
}
