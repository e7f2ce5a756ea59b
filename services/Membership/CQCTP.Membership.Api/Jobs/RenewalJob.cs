using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging;
using CQCTP.Messaging.Jobs;
using CQCTP.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CQCTP.Membership.Api.Jobs;

/// <summary>
/// Every morning: reminds the members whose dues for the current fiscal year are unpaid (a <see cref="RenewalDue"/>
/// event the Knowledge service turns into an email), and lapses those still unpaid when the grace period ends
/// (<see cref="MembershipStatusChanged"/>). Observers pay no dues. Each reminder and each lapse is claimed once per
/// organization and year, so a second run or a second replica sends nothing more.
/// </summary>
public sealed class RenewalJob(
    MembershipDbContext db, IOutbox outbox, TimeProvider clock, IOptions<RenewalSettings> settings) : IScheduledJob
{
    public const string JobName = "membership-renewals";

    /// <summary>The <c>decidedBy</c> of the lapses it records: the job, not a person.</summary>
    public const string DecidedBy = "job:" + JobName;

    public string Name => JobName;
    public string Schedule => "0 6 * * *";

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = context.LocalDate;
        var year = FiscalYear.Of(today);
        var calendar = new RenewalCalendar(settings.Value.GracePeriodDays);

        var unpaid = await db.Organizations.AsNoTracking()
            .Where(o => o.Status == MembershipStatus.Active && o.MembershipType != MembershipType.Observer)
            .Where(o => !db.Dues.Any(d => d.OrganizationId == o.Id && d.FiscalYear == year && d.PaidOn != null))
            .Select(o => new { o.Id, o.StatusEffectiveDate })
            .ToListAsync(cancellationToken);

        foreach (var member in unpaid)
        {
            var memberSince = member.StatusEffectiveDate ?? today;
            var step = calendar.StepOn(today, memberSince);
            await db.InTransactionAsync(async ct =>
            {
                var key = $"{member.Id:N}:{year}:{step}";
                if (!await context.ClaimOnceAsync(db, key, ct))
                {
                    return false;
                }

                if (step == RenewalStep.Lapse)
                {
                    await LapseAsync(member.Id, year, today, ct);
                }
                else
                {
                    await RemindAsync(member.Id, year, calendar.LapsesOn(year, memberSince), ct);
                }

                return true;
            }, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task LapseAsync(Guid organizationId, int year, DateOnly today, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        var change = organization.Lapse(new MembershipDecision(
            $"Cotisation {FiscalYear.Label(year)} impayée / {FiscalYear.Label(year)} dues unpaid",
            today, DecidedBy, clock.GetUtcNow()));
        outbox.Add(OrganizationEvents.StatusChanged(change));
    }

    private async Task RemindAsync(Guid organizationId, int year, DateOnly lapsesOn, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId).Select(o => new { o.LegalName }).SingleAsync(cancellationToken);
        var contact = await db.Delegates.AsNoTracking()
            .Where(d => d.OrganizationId == organizationId && d.RemovedAt == null)
            .Where(d => d.Roles.Contains(DelegateRole.PrimaryContact))
            .OrderBy(d => d.CreatedAt)
            .Select(d => new { d.Email, d.PreferredLanguage })
            .FirstOrDefaultAsync(cancellationToken);
        outbox.Add(new RenewalDue
        {
            OrganizationId = organizationId,
            OrganizationName = organization.LegalName,
            FiscalYear = year,
            LapsesOn = lapsesOn,
            PrimaryContactEmail = contact?.Email,
            PrimaryContactLanguage = contact?.PreferredLanguage == PreferredLanguage.En ? "en" : "fr",
            DueAt = clock.GetUtcNow(),
        });
    }
}
