using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>One of the coalition's committees; its members are delegates (<see cref="CommitteeMember"/>).</summary>
public sealed class Committee : IVersioned
{
    private Committee()
    {
    }

    public Guid Id { get; private set; }
    public CommitteeKind Kind { get; private set; }
    public BilingualText Name { get; private set; } = BilingualText.Of("");
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Committee Create(CommitteeKind kind, BilingualText name, DateTimeOffset now)
    {
        var committee = new Committee { Id = Guid.CreateVersion7(now), CreatedAt = now };
        committee.Update(kind, name, now);
        return committee;
    }

    public void Update(CommitteeKind kind, BilingualText name, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(name);
        Kind = kind;
        Name = BilingualText.Of(name.Fr.Trim(), string.IsNullOrWhiteSpace(name.En) ? null : name.En.Trim());
        UpdatedAt = now;
    }
}
