using CQCTP.Membership.Contracts;

namespace CQCTP.Membership.Api.Domain;

/// <summary>The integration events a committee's seats produce (recorded with the outbox).</summary>
public static class CommitteeEvents
{
    public const string Joined = "joined";
    public const string Updated = "updated";
    public const string Left = "left";

    public static CommitteeMembershipChanged Changed(CommitteeMember member, string change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(member);
        var left = change == Left;
        return new CommitteeMembershipChanged
        {
            CommitteeId = member.CommitteeId,
            DelegateId = member.DelegateId,
            Change = change,
            Role = left ? null : member.Role.ToString().ToLowerInvariant(),
            TermStart = left ? null : member.TermStart,
            TermEnd = left ? null : member.TermEnd,
            ChangedAt = now,
        };
    }
}
