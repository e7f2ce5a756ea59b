using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Tests;

/// <summary>A delegate's own rules, without a database.</summary>
public sealed class MemberDelegateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Appoint_TrimsAndNormalizesTheEmail_AndDropsRepeatedRoles()
    {
        var person = Appoint();

        Assert.Equal("julie@organisme.example", person.NormalizedEmail);
        Assert.Equal([DelegateRole.AgmDelegate], person.Roles);
        Assert.False(person.NewsletterConsent);
    }

    [Fact]
    public void GiveConsent_ToTheDirectory_RecordsVersionAndChosenFields()
    {
        var person = Appoint();

        var consent = person.GiveConsent(ConsentPurpose.DirectoryListing, " v2 ", showEmail: true, showPhone: false,
            "dev-staff", Now.AddHours(1));

        Assert.Equal("v2", consent.TextVersion);
        Assert.Equal(Now.AddHours(1), consent.RecordedAt);
        Assert.True(person.ListedInDirectory);
        Assert.True(person.DirectoryShowsEmail);
        Assert.False(person.DirectoryShowsPhone);
    }

    [Fact]
    public void WithdrawConsent_NotInForce_IsAStateConflict()
    {
        var person = Appoint();

        var refused = Assert.Throws<DomainException>(() => person.WithdrawConsent(ConsentPurpose.Newsletter, "dev-staff", Now));

        Assert.Equal(DomainRuleKind.StateConflict, refused.Kind);
        Assert.Equal(MemberDelegate.ConsentNotGiven, refused.Code);
    }

    [Fact]
    public void Update_AfterAWithdrawal_LeavesTheConsentWithdrawn()
    {
        var person = Appoint();
        person.GiveConsent(ConsentPurpose.Newsletter, "v1", false, false, "dev-staff", Now);
        person.WithdrawConsent(ConsentPurpose.Newsletter, "dev-staff", Now.AddDays(1));

        person.Update(Details(), Now.AddDays(2));

        Assert.False(person.NewsletterConsent);
        Assert.Equal([ConsentAction.Given, ConsentAction.Withdrawn], person.Consents.Select(c => c.Action));
    }

    [Fact]
    public void Remove_ErasesPersonalFieldsAndEndsConsents()
    {
        var person = Appoint();
        person.GiveConsent(ConsentPurpose.DirectoryListing, "v1", true, true, "dev-staff", Now);

        person.Remove(Now.AddDays(1));

        Assert.Equal("", person.FullName);
        Assert.Null(person.Email);
        Assert.Null(person.Phone);
        Assert.Null(person.Title);
        Assert.False(person.ListedInDirectory);
        Assert.Equal(Now.AddDays(1), person.RemovedAt);
    }

    [Fact]
    public void CommitteeSeat_EndingBeforeItStarts_IsARuleBroken()
    {
        var refused = Assert.Throws<DomainException>(() => CommitteeMember.Seat(Guid.NewGuid(), Guid.NewGuid(),
            CommitteeRole.Chair, new DateOnly(2027, 6, 1), new DateOnly(2027, 5, 31), Now));

        Assert.Equal(DomainRuleKind.RuleBroken, refused.Kind);
        Assert.Equal(CommitteeMember.DatesOutOfOrder, refused.Code);
    }

    private static MemberDelegate Appoint() => MemberDelegate.Appoint(Guid.NewGuid(), Details(), Now);

    private static DelegateDetails Details() =>
        new("  Julie Exemple ", null, " Julie@Organisme.example ", null, PreferredLanguage.Fr,
            [DelegateRole.AgmDelegate, DelegateRole.AgmDelegate]);
}
