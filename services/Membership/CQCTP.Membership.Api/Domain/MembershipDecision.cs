namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// Who changes a membership status, when it takes effect and why. <paramref name="DecidedBy"/> is the OAuth client
/// that asked (staff's back office, a job), never a person's name.
/// </summary>
public sealed record MembershipDecision(string? Reason, DateOnly EffectiveDate, string DecidedBy, DateTimeOffset DecidedAt);
