namespace CQCTP.Membership.Api.Domain;

/// <summary>What the renewal job does today for a member whose current dues are unpaid.</summary>
public enum RenewalStep
{
    FirstReminder,
    LastReminder,
    Lapse,
}
