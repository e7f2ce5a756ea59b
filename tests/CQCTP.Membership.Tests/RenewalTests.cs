using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Tests;

/// <summary>The fiscal year, dues and the renewal calendar, without a database.</summary>
public sealed class RenewalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateOnly LongAgo = new(2020, 1, 1);
    private static readonly RenewalCalendar Calendar = new(GracePeriodDays: 90);

    [Theory]
    [InlineData(2026, 3, 31, 2025)]
    [InlineData(2026, 4, 1, 2026)]
    [InlineData(2027, 3, 31, 2026)]
    public void FiscalYear_RunsFromAprilFirstToMarchThirtyFirst(int year, int month, int day, int expected)
    {
        Assert.Equal(expected, FiscalYear.Of(new DateOnly(year, month, day)));
        Assert.Equal(new DateOnly(expected + 1, 3, 31), FiscalYear.End(expected));
        Assert.Equal($"{expected}-{expected + 1}", FiscalYear.Label(expected));
    }

    [Theory]
    [InlineData(2026, 4, 1, RenewalStep.FirstReminder)]
    [InlineData(2026, 6, 15, RenewalStep.FirstReminder)]
    [InlineData(2026, 6, 16, RenewalStep.LastReminder)]
    [InlineData(2026, 6, 29, RenewalStep.LastReminder)]
    [InlineData(2026, 6, 30, RenewalStep.Lapse)]
    public void Calendar_ForAnOldMember_RemindsOnAprilFirstAndAFortnightBefore_ThenLapsesAfterTheGrace(
        int year, int month, int day, RenewalStep expected)
    {
        Assert.Equal(expected, Calendar.StepOn(new DateOnly(year, month, day), LongAgo));
    }

    [Fact]
    public void Calendar_ForAMemberAdmittedMidYear_CountsTheGraceFromAdmission()
    {
        var admitted = new DateOnly(2026, 11, 2);

        Assert.Equal(RenewalStep.FirstReminder, Calendar.StepOn(admitted, admitted));
        Assert.Equal(RenewalStep.LastReminder, Calendar.StepOn(admitted.AddDays(76), admitted));
        Assert.Equal(RenewalStep.Lapse, Calendar.StepOn(admitted.AddDays(90), admitted));
    }

    [Fact]
    public void Calendar_WithAGraceShorterThanAFortnight_SendsTheLastReminderAtTheStart()
    {
        var shortGrace = new RenewalCalendar(GracePeriodDays: 7);

        Assert.Equal(RenewalStep.LastReminder, shortGrace.StepOn(new DateOnly(2026, 4, 1), LongAgo));
        Assert.Equal(RenewalStep.Lapse, shortGrace.StepOn(new DateOnly(2026, 4, 8), LongAgo));
    }

    [Fact]
    public void Dues_PaidInAdvanceForNextYear_AreRecorded()
    {
        var dues = MembershipDues.Record(Guid.NewGuid(), 2027, 150m, Today, Today, Now);

        Assert.True(dues.IsPaid);
        Assert.Equal(2027, dues.FiscalYear);
    }

    [Fact]
    public void Dues_PaidTomorrow_AreARuleViolation()
    {
        var refused = Assert.Throws<DomainException>(() =>
            MembershipDues.Record(Guid.NewGuid(), 2026, 150m, Today.AddDays(1), Today, Now));

        Assert.Equal(DomainRuleKind.RuleBroken, refused.Kind);
        Assert.Equal(MembershipDues.PaidInFuture, refused.Code);
    }

    [Fact]
    public void Dues_PaidMoreThanAYearBeforeTheirYear_AreARuleViolation()
    {
        var refused = Assert.Throws<DomainException>(() =>
            MembershipDues.Record(Guid.NewGuid(), 2026, 150m, new DateOnly(2025, 3, 31), Today, Now));

        Assert.Equal(MembershipDues.PaidTooEarly, refused.Code);
    }
}
