using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Tests;

/// <summary>The membership lifecycle, without a database: each transition allowed and refused, and its history.</summary>
public sealed class MembershipLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 30);

    public static TheoryData<string, MembershipStatus, string, MembershipStatus> Allowed => new()
    {
        { "", MembershipStatus.Pending, "activate", MembershipStatus.Active },
        { "", MembershipStatus.Pending, "refuse", MembershipStatus.Refused },
        { "activate", MembershipStatus.Active, "suspend", MembershipStatus.Suspended },
        { "activate", MembershipStatus.Active, "lapse", MembershipStatus.Lapsed },
        { "activate", MembershipStatus.Active, "withdraw", MembershipStatus.Withdrawn },
        { "activate,suspend", MembershipStatus.Suspended, "reactivate", MembershipStatus.Active },
        { "activate,suspend", MembershipStatus.Suspended, "lapse", MembershipStatus.Lapsed },
        { "activate,suspend", MembershipStatus.Suspended, "withdraw", MembershipStatus.Withdrawn },
        { "activate,lapse", MembershipStatus.Lapsed, "reactivate", MembershipStatus.Active },
        { "activate,lapse", MembershipStatus.Lapsed, "withdraw", MembershipStatus.Withdrawn },
        { "activate,withdraw", MembershipStatus.Withdrawn, "reactivate", MembershipStatus.Active },
    };

    public static TheoryData<string, string, string> Refused => new()
    {
        { "", "suspend", "active, refused" },
        { "", "lapse", "active, refused" },
        { "", "withdraw", "active, refused" },
        { "", "reactivate", "active, refused" },
        { "activate", "activate", "suspended, lapsed, withdrawn" },
        { "activate", "refuse", "suspended, lapsed, withdrawn" },
        { "activate", "reactivate", "suspended, lapsed, withdrawn" },
        { "activate,suspend", "suspend", "active, lapsed, withdrawn" },
        { "activate,lapse", "suspend", "active, withdrawn" },
        { "activate,withdraw", "suspend", "active" },
        { "activate,withdraw", "lapse", "active" },
        { "refuse", "activate", "none" },
        { "refuse", "reactivate", "none" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Transition_Allowed_ChangesTheStatusAndRecordsIt(string path, MembershipStatus from, string step,
        MembershipStatus to)
    {
        var organization = At(path);
        Assert.Equal(from, organization.Status);

        var change = Apply(organization, step, Decision("Décision du CA", Today));

        Assert.Equal(to, organization.Status);
        Assert.Equal(from, change.OldStatus);
        Assert.Equal(to, change.NewStatus);
        Assert.Same(change, organization.History[^1]);
        Assert.Equal("Décision du CA", change.Reason);
        Assert.Equal("dev-staff", change.ChangedBy);
        Assert.Equal(Today, organization.StatusEffectiveDate);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Transition_Refused_IsAConflictNamingTheAllowedTargets_AndChangesNothing(string path, string step,
        string allowed)
    {
        var organization = At(path);
        var status = organization.Status;
        var history = organization.History.Count;

        var refused = Assert.Throws<DomainException>(() => Apply(organization, step, Decision(null, Today)));

        Assert.Equal(DomainRuleKind.StateConflict, refused.Kind);
        Assert.Equal(Organization.IllegalTransition, refused.Code);
        Assert.Contains($"Allowed from '{Organization.Spelling(status)}': {allowed}", refused.LocalizedMessage.En,
            StringComparison.Ordinal);
        Assert.Equal(status, organization.Status);
        Assert.Equal(history, organization.History.Count);
    }

    [Fact]
    public void Activate_SetsTheMembershipType_AndReactivationKeepsIt()
    {
        var organization = Organization.Register(OrganizationTests.Details("Maison Phare"), Now);

        organization.Activate(MembershipType.Associate, Decision(null, Today));
        organization.Suspend(Decision(null, Today));
        organization.Reactivate(Decision(null, Today));

        Assert.Equal(MembershipType.Associate, organization.MembershipType);
        Assert.Equal(
            [MembershipStatus.Active, MembershipStatus.Suspended, MembershipStatus.Active],
            organization.History.Select(h => h.NewStatus));
    }

    [Theory]
    [InlineData(-367)]
    [InlineData(367)]
    public void Transition_WithAnEffectiveDateFarFromToday_IsARuleViolation(int days)
    {
        var organization = Organization.Register(OrganizationTests.Details("Maison Phare"), Now);

        var refused = Assert.Throws<DomainException>(() =>
            organization.Activate(MembershipType.Regular, Decision(null, Today.AddDays(days))));

        Assert.Equal(DomainRuleKind.RuleBroken, refused.Kind);
        Assert.Equal(Organization.EffectiveDateOutOfRange, refused.Code);
        Assert.Equal(MembershipStatus.Pending, organization.Status);
    }

    [Fact]
    public void Transition_EffectiveBeforeTheCurrentStatus_IsDatesOutOfOrder()
    {
        var organization = Organization.Register(OrganizationTests.Details("Maison Phare"), Now);
        organization.Activate(MembershipType.Regular, Decision(null, Today));

        var refused = Assert.Throws<DomainException>(() => organization.Suspend(Decision(null, Today.AddDays(-1))));

        Assert.Equal(Organization.DatesOutOfOrder, refused.Code);
        Assert.Equal(MembershipStatus.Active, organization.Status);
    }

    [Fact]
    public void Today_IsTheCalendarDayInQuebec()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), Organization.Today(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Application_ApprovedTwice_IsAConflict()
    {
        var organization = Organization.Register(OrganizationTests.Details("Maison Phare"), Now);
        var application = MembershipApplication.Submit(organization, "info@phare.example", null, Now);
        application.Approve(organization, MembershipType.Regular, Decision(null, Today));

        var refused = Assert.Throws<DomainException>(() => application.Refuse(organization, Decision("Non", Today)));

        Assert.Equal(DomainRuleKind.StateConflict, refused.Kind);
        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(MembershipStatus.Active, organization.Status);
    }

    private static Organization At(string path)
    {
        var organization = Organization.Register(OrganizationTests.Details("Maison Phare"), Now);
        foreach (var step in path.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            Apply(organization, step, Decision(null, Today));
        }

        return organization;
    }

    private static MembershipStatusChange Apply(Organization organization, string step, MembershipDecision decision) =>
        step switch
        {
            "activate" => organization.Activate(MembershipType.Regular, decision),
            "refuse" => organization.Refuse(decision),
            "suspend" => organization.Suspend(decision),
            "lapse" => organization.Lapse(decision),
            "withdraw" => organization.Withdraw(decision),
            "reactivate" => organization.Reactivate(decision),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };

    private static MembershipDecision Decision(string? reason, DateOnly effective) =>
        new(reason, effective, "dev-staff", Now);
}
