using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Tests;

/// <summary>The general assembly's rules, without a database: transitions, quorum and vote counting.</summary>
public sealed class AssemblyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
    private static readonly Quorum Met = new(VotingOrganizations: 4, Represented: 2, Percent: 50);

    [Theory]
    [InlineData(7, 50, 4)]
    [InlineData(10, 50, 5)]
    [InlineData(10, 25, 3)]
    [InlineData(3, 100, 3)]
    public void Quorum_RequiresTheShareRoundedUp(int voting, int percent, int required)
    {
        var quorum = new Quorum(voting, Represented: required, percent);

        Assert.Equal(required, quorum.Required);
        Assert.True(quorum.IsMet);
        Assert.False(quorum with { Represented = required - 1 } is { IsMet: true });
    }

    [Fact]
    public void Quorum_WithNoVotingOrganization_IsNeverMet() =>
        Assert.False(new Quorum(0, 0, 50).IsMet);

    [Fact]
    public void Lifecycle_PlannedConvenedInSessionClosed()
    {
        var assembly = Planned();

        assembly.Convene(Now);
        assembly.Open(Now.AddDays(20));
        assembly.Close([], Now.AddDays(20).AddHours(3));

        Assert.Equal(AssemblyStatus.Closed, assembly.Status);
        Assert.Equal(Now, assembly.ConvenedAt);
    }

    [Fact]
    public void Open_WithoutConvocation_IsAConflictNamingTheAllowedStatus()
    {
        var assembly = Planned();

        var refused = Assert.Throws<DomainException>(() => assembly.Open(Now));

        Assert.Equal(DomainRuleKind.StateConflict, refused.Kind);
        Assert.Equal(GeneralAssembly.IllegalTransition, refused.Code);
        Assert.Contains("convened", refused.LocalizedMessage.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Convene_AfterTheStart_IsARuleViolation()
    {
        var assembly = Planned();

        var refused = Assert.Throws<DomainException>(() => assembly.Convene(Now.AddDays(40)));

        Assert.Equal(GeneralAssembly.ConvokedTooLate, refused.Code);
    }

    [Fact]
    public void Update_InSession_IsAConflict()
    {
        var assembly = InSession();

        Assert.Throws<DomainException>(() => assembly.Update(Details(), Now));
    }

    [Fact]
    public void Close_WhileAResolutionIsBeingVoted_IsARuleViolation()
    {
        var assembly = InSession();
        var resolution = assembly.Propose(1, BilingualText.Of("Adopter les états financiers"), Now);
        resolution.OpenVoting(assembly, Now);

        var refused = Assert.Throws<DomainException>(() => assembly.Close([resolution], Now));

        Assert.Equal(GeneralAssembly.ResolutionsUndecided, refused.Code);
    }

    [Fact]
    public void Votes_AreCountedPerOrganization_AbstentionsAreNotVotesCast()
    {
        var assembly = InSession();
        var resolution = Voting(assembly);
        resolution.Cast(assembly, Ballot(VoteChoice.For), Now);
        resolution.Cast(assembly, Ballot(VoteChoice.Against), Now);
        resolution.Cast(assembly, Ballot(VoteChoice.Abstain), Now);
        resolution.Cast(assembly, Ballot(VoteChoice.Abstain), Now);
        resolution.Cast(assembly, Ballot(VoteChoice.For), Now);

        resolution.Decide(Now);

        Assert.Equal((2, 1, 2), (resolution.For, resolution.Against, resolution.Abstain));
        Assert.Equal(ResolutionStatus.Adopted, resolution.Status);
    }

    [Fact]
    public void Decide_OnATie_Rejects()
    {
        var assembly = InSession();
        var resolution = Voting(assembly);
        resolution.Cast(assembly, Ballot(VoteChoice.For), Now);
        resolution.Cast(assembly, Ballot(VoteChoice.Against), Now);

        resolution.Decide(Now);

        Assert.Equal(ResolutionStatus.Rejected, resolution.Status);
    }

    [Fact]
    public void Cast_ASecondVoteOfTheSameOrganization_IsAConflict()
    {
        var assembly = InSession();
        var resolution = Voting(assembly);
        var first = Ballot(VoteChoice.For);
        resolution.Cast(assembly, first, Now);

        var refused = Assert.Throws<DomainException>(() =>
            resolution.Cast(assembly, first with { DelegateId = Guid.NewGuid(), Choice = VoteChoice.Against }, Now));

        Assert.Equal(Resolution.AlreadyVoted, refused.Code);
        Assert.Equal(1, resolution.For);
        Assert.Equal(0, resolution.Against);
    }

    [Theory]
    [InlineData(false, true, true, Resolution.NotAVotingMember)]
    [InlineData(true, false, true, Resolution.DelegateNotPresent)]
    [InlineData(true, true, false, Resolution.QuorumNotMet)]
    public void Cast_WhenARuleFails_IsRefusedWithItsCode(bool mayVote, bool present, bool quorumMet, string code)
    {
        var assembly = InSession();
        var resolution = Voting(assembly);
        var ballot = Ballot(VoteChoice.For) with
        {
            OrganizationMayVote = mayVote,
            DelegatePresent = present,
            Quorum = quorumMet ? Met : Met with { Represented = 1 },
        };

        var refused = Assert.Throws<DomainException>(() => resolution.Cast(assembly, ballot, Now));

        Assert.Equal(DomainRuleKind.RuleBroken, refused.Kind);
        Assert.Equal(code, refused.Code);
        Assert.Empty(resolution.Votes);
    }

    [Fact]
    public void Cast_BeforeVotingOpens_IsAConflict()
    {
        var assembly = InSession();
        var resolution = assembly.Propose(1, BilingualText.Of("Élire le conseil"), Now);

        var refused = Assert.Throws<DomainException>(() => resolution.Cast(assembly, Ballot(VoteChoice.For), Now));

        Assert.Equal(Resolution.IllegalTransition, refused.Code);
    }

    [Fact]
    public void RecordAttendance_BeforeConvocation_IsAConflict()
    {
        var assembly = Planned();

        Assert.Throws<DomainException>(() => assembly.RecordAttendance(Guid.NewGuid(), Guid.NewGuid(), Now));
    }

    private static AssemblyDetails Details() => new(
        AssemblyKind.Annual, BilingualText.Of("Assemblée générale annuelle", "Annual general meeting"),
        Now.AddDays(30), "Montréal", null, QuorumPercent: 50);

    private static GeneralAssembly Planned() => GeneralAssembly.Plan(Details(), Now);

    private static GeneralAssembly InSession()
    {
        var assembly = Planned();
        assembly.Convene(Now);
        assembly.Open(Now);
        return assembly;
    }

    private static Resolution Voting(GeneralAssembly assembly)
    {
        var resolution = assembly.Propose(1, BilingualText.Of("Adopter les états financiers"), Now);
        resolution.OpenVoting(assembly, Now);
        return resolution;
    }

    private static Ballot Ballot(VoteChoice choice) =>
        new(Guid.NewGuid(), Guid.NewGuid(), choice, OrganizationMayVote: true, DelegatePresent: true, Met);
}
