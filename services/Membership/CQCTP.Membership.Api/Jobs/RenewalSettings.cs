namespace CQCTP.Membership.Api.Jobs;

/// <summary><c>Membership:Renewals</c>: how long after the fiscal year starts unpaid dues are tolerated.</summary>
public sealed class RenewalSettings
{
    public const string Section = "Membership:Renewals";

    /// <summary>Days after April 1 (or after admission, if later) before an unpaid membership lapses.</summary>
    public int GracePeriodDays { get; set; } = 90;
}
