using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>A delegate's seat on a committee: a role and a term. One seat per delegate and committee.</summary>
public sealed class CommitteeMember : IVersioned
{
    /// <summary>The <c>rule</c> of the 422 a term ending before it starts answers with.</summary>
    public const string DatesOutOfOrder = "dates-out-of-order";

    private CommitteeMember()
    {
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public Guid DelegateId { get; private set; }
    public CommitteeRole Role { get; private set; }
    public DateOnly TermStart { get; private set; }

    /// <summary>Null while the term has no set end.</summary>
    public DateOnly? TermEnd { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <exception cref="DomainException"><c>dates-out-of-order</c> (422) when the term ends before it starts.</exception>
    public static CommitteeMember Seat(Guid committeeId, Guid delegateId, CommitteeRole role, DateOnly termStart,
        DateOnly? termEnd, DateTimeOffset now)
    {
        var member = new CommitteeMember { Id = Guid.CreateVersion7(now), CommitteeId = committeeId, DelegateId = delegateId };
        member.Change(role, termStart, termEnd, now);
        return member;
    }

    /// <exception cref="DomainException"><c>dates-out-of-order</c> (422) when the term ends before it starts.</exception>
    public void Change(CommitteeRole role, DateOnly termStart, DateOnly? termEnd, DateTimeOffset now)
    {
        if (termEnd < termStart)
        {
            throw DomainException.Rule(DatesOutOfOrder, new Localized(
                $"Le mandat ne peut pas finir ({termEnd:yyyy-MM-dd}) avant de commencer ({termStart:yyyy-MM-dd}).",
                $"The term cannot end ({termEnd:yyyy-MM-dd}) before it starts ({termStart:yyyy-MM-dd})."));
        }

        Role = role;
        TermStart = termStart;
        TermEnd = termEnd;
        UpdatedAt = now;
    }
}
