using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// A resolution put to a general assembly. One vote per voting member organization, cast by one of its delegates
/// present, while the quorum holds; adopted by a majority of the votes cast (abstentions are not votes cast).
/// </summary>
public sealed class Resolution : IVersioned
{
    public const string IllegalTransition = "illegal-transition";
    public const string QuorumNotMet = "quorum-not-met";
    public const string NotAVotingMember = "not-a-voting-member";
    public const string DelegateNotPresent = "delegate-not-present";
    public const string AlreadyVoted = "already-voted";

    private readonly List<Vote> votes = [];

    private Resolution()
    {
    }

    public Guid Id { get; private set; }
    public Guid AssemblyId { get; private set; }
    public int Number { get; private set; }
    public BilingualText Text { get; private set; } = BilingualText.Of("");
    public ResolutionStatus Status { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<Vote> Votes => votes;

    public int For => votes.Count(v => v.Choice == VoteChoice.For);
    public int Against => votes.Count(v => v.Choice == VoteChoice.Against);
    public int Abstain => votes.Count(v => v.Choice == VoteChoice.Abstain);

    internal static Resolution Propose(Guid assemblyId, int number, BilingualText text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        AssemblyId = assemblyId,
        Number = number,
        Text = text,
        Status = ResolutionStatus.Proposed,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <exception cref="DomainException">Unless the resolution is proposed and the assembly in session.</exception>
    public void OpenVoting(GeneralAssembly assembly, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        RequireInSession(assembly);
        if (Status != ResolutionStatus.Proposed)
        {
            throw Illegal("mettre aux voix", "open voting on", "proposed");
        }

        Status = ResolutionStatus.Voting;
        UpdatedAt = now;
    }

    /// <exception cref="DomainException">
    /// 409 <c>illegal-transition</c> unless voting is open, <c>already-voted</c> for a second vote of one organization;
    /// 422 <c>quorum-not-met</c>, <c>not-a-voting-member</c>, <c>delegate-not-present</c>.
    /// </exception>
    public Vote Cast(GeneralAssembly assembly, Ballot ballot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(ballot);
        RequireInSession(assembly);
        if (Status != ResolutionStatus.Voting)
        {
            throw Illegal("voter sur", "vote on", "voting");
        }

        if (!ballot.OrganizationMayVote)
        {
            throw DomainException.Rule(NotAVotingMember, new Localized(
                "Seul un membre régulier actif, dont la cotisation de l'exercice est payée, a droit de vote.",
                "Only an active regular member whose dues for the fiscal year are paid may vote."));
        }

        if (!ballot.DelegatePresent)
        {
            throw DomainException.Rule(DelegateNotPresent, new Localized(
                "Le vote est exprimé par une personne déléguée de l'organisation inscrite présente.",
                "The vote is cast by a delegate of the organization recorded as present."));
        }

        if (!ballot.Quorum.IsMet)
        {
            throw DomainException.Rule(QuorumNotMet, new Localized(
                $"Quorum non atteint : {ballot.Quorum.Represented} organisations représentées sur {ballot.Quorum.Required} requises.",
                $"No quorum: {ballot.Quorum.Represented} organizations represented of {ballot.Quorum.Required} required."));
        }

        if (votes.Any(v => v.OrganizationId == ballot.OrganizationId))
        {
            throw DomainException.Conflict(AlreadyVoted, new Localized(
                "Cette organisation a déjà voté sur cette résolution.",
                "This organization has already voted on this resolution."));
        }

        var vote = Vote.Cast(Id, ballot.OrganizationId, ballot.DelegateId, ballot.Choice, now);
        votes.Add(vote);
        UpdatedAt = now;
        return vote;
    }

    /// <summary>Counts the votes: adopted when more organizations voted for than against.</summary>
    public void Decide(DateTimeOffset now)
    {
        if (Status != ResolutionStatus.Voting)
        {
            throw Illegal("dépouiller", "count", "voting");
        }

        Status = For > Against ? ResolutionStatus.Adopted : ResolutionStatus.Rejected;
        DecidedAt = now;
        UpdatedAt = now;
    }

    private static void RequireInSession(GeneralAssembly assembly)
    {
        if (assembly.Status != AssemblyStatus.InSession)
        {
            throw DomainException.Conflict(GeneralAssembly.NotInSession, new Localized(
                "L'assemblée n'est pas en session.", "The assembly is not in session."));
        }
    }

    private DomainException Illegal(string actionFr, string actionEn, string allowedFrom) =>
        DomainException.Conflict(IllegalTransition, new Localized(
            $"Impossible de {actionFr} une résolution au statut « {Status.ToString().ToLowerInvariant()} » (permis depuis : {allowedFrom}).",
            $"Cannot {actionEn} a resolution whose status is '{Status.ToString().ToLowerInvariant()}' (allowed from: {allowedFrom})."));
}
