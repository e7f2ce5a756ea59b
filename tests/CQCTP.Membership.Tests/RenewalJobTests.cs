using System.Text.Json;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Jobs;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Jobs;
using CQCTP.Primitives;
using CQCTP.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CQCTP.Membership.Tests;

/// <summary>
/// The daily renewal job, run by the shared runner against the real database: reminders, the lapse, and each of them
/// once however many times the job runs.
/// </summary>
[Collection(MembershipCollection.Name)]
public sealed class RenewalJobTests(MembershipFixture fixture)
{

    [Fact]
    public async Task UnpaidPastTheGrace_Lapses_Once_AndPublishesTheChange()
    {
        var (runOn, grace) = RunDate();
        var unpaid = await fixture.MemberAsync(MembershipType.Regular, runOn.AddDays(-grace - 10));
        var paid = await fixture.MemberAsync(MembershipType.Regular, runOn.AddDays(-grace - 10), FiscalYear.Of(runOn));
        var observer = await fixture.MemberAsync(MembershipType.Observer, runOn.AddDays(-grace - 10));

        await RunAsync(runOn);
        await RunAsync(runOn);

        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var statuses = await db.Organizations.Where(o => o.Id == unpaid || o.Id == paid || o.Id == observer)
            .ToDictionaryAsync(o => o.Id, o => o.Status);
        Assert.Equal(MembershipStatus.Lapsed, statuses[unpaid]);
        Assert.Equal(MembershipStatus.Active, statuses[paid]);
        Assert.Equal(MembershipStatus.Active, statuses[observer]);
        Assert.Single(await fixture.EventsAboutAsync(nameof(MembershipStatusChanged), unpaid));
        Assert.Empty(await fixture.EventsAboutAsync(nameof(MembershipStatusChanged), paid));
        var history = await db.MembershipStatusChanges.Where(c => c.OrganizationId == unpaid)
            .OrderBy(c => c.ChangedAt).ToListAsync();
        Assert.Equal(MembershipStatus.Lapsed, history[^1].NewStatus);
        Assert.Equal(RenewalJob.DecidedBy, history[^1].ChangedBy);
    }

    [Fact]
    public async Task UnpaidWithinTheGrace_IsRemindedOnce_InThePrimaryContactsLanguage()
    {
        var (runOn, _) = RunDate();
        var member = await fixture.MemberAsync(MembershipType.Associate, runOn.AddDays(-10));
        await fixture.DelegateAsync(member, PreferredLanguage.En, DelegateRole.PrimaryContact);

        await RunAsync(runOn);
        await RunAsync(runOn);

        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var reminder = Assert.Single(await fixture.EventsAboutAsync(nameof(RenewalDue), member));
        using var body = JsonDocument.Parse(reminder);
        Assert.Equal("en", body.RootElement.GetProperty("primaryContactLanguage").GetString());
        Assert.EndsWith("@exemple.test", body.RootElement.GetProperty("primaryContactEmail").GetString(), StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Active, (await db.Organizations.SingleAsync(o => o.Id == member)).Status);
    }

    /// <summary>
    /// A day on which a member admitted long enough ago is past the grace period: today from July on, otherwise the
    /// end of this year's grace (within 90 days, which the effective-date rule allows).
    /// </summary>
    private (DateOnly RunOn, int Grace) RunDate()
    {
        var grace = fixture.Factory.Services.GetRequiredService<IOptions<RenewalSettings>>().Value.GracePeriodDays;
        var today = CoalitionTime.Today(DateTimeOffset.UtcNow);
        var graceEnds = FiscalYear.Start(FiscalYear.Of(today)).AddDays(grace);
        return (today >= graceEnds ? today : graceEnds, grace);
    }

    private async Task RunAsync(DateOnly day)
    {
        await KeepThePortalsPaidAsync(FiscalYear.Of(day));
        var runner = fixture.Factory.Services.GetRequiredService<IScheduledJobRunner>();
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), CoalitionTime.Zone.GetUtcOffset(day.ToDateTime(new TimeOnly(6, 0))));
        Assert.Equal(JobOutcome.Succeeded, await runner.RunNowAsync(RenewalJob.JobName, at, CancellationToken.None));
    }

    /// <summary>The portals' organizations, which other tests sign in as, must not lapse whatever day the suite runs.</summary>
    private async Task KeepThePortalsPaidAsync(int year)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var now = DateTimeOffset.UtcNow;
        foreach (var portal in new[] { DevelopmentClients.OrganizationA, DevelopmentClients.OrganizationB })
        {
            if (!await db.Dues.AnyAsync(d => d.OrganizationId == portal && d.FiscalYear == year))
            {
                var today = Organization.Today(now);
                db.Dues.Add(MembershipDues.Record(portal, year, 100m, today, today, now));
            }
        }

        await db.SaveChangesAsync();
    }
}
