namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// When a fiscal year's dues are reminded and when an unpaid membership lapses. The year's clock starts on April 1,
/// or on the day the organization became a member if later (a member admitted in November is not lapsed for the
/// months before it joined): a first reminder then, a last one a fortnight before the grace period ends, and the
/// lapse when it ends.
/// </summary>
public sealed record RenewalCalendar(int GracePeriodDays)
{
    public const int LastReminderDaysBefore = 14;

    public static DateOnly ClockStart(int fiscalYear, DateOnly memberSince) =>
        memberSince > FiscalYear.Start(fiscalYear) ? memberSince : FiscalYear.Start(fiscalYear);

    public DateOnly LapsesOn(int fiscalYear, DateOnly memberSince) =>
        ClockStart(fiscalYear, memberSince).AddDays(GracePeriodDays);

    public DateOnly LastReminder(int fiscalYear, DateOnly memberSince) =>
        LapsesOn(fiscalYear, memberSince).AddDays(-Math.Min(LastReminderDaysBefore, GracePeriodDays));

    /// <summary>What is due on <paramref name="today"/> for a member (since <paramref name="memberSince"/>, at the latest today) whose dues of the current year are unpaid.</summary>
    public RenewalStep StepOn(DateOnly today, DateOnly memberSince)
    {
        var year = FiscalYear.Of(today);
        if (today >= LapsesOn(year, memberSince))
        {
            return RenewalStep.Lapse;
        }

        if (today >= LastReminder(year, memberSince))
        {
            return RenewalStep.LastReminder;
        }

        return RenewalStep.FirstReminder;
    }
}
