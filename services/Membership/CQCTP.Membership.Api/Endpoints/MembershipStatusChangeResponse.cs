using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A line of the membership history; <see cref="ChangedBy"/> is the client that asked, not a person.</summary>
public sealed record MembershipStatusChangeResponse(Guid Id, MembershipStatus OldStatus, MembershipStatus NewStatus,
    string? Reason, DateOnly EffectiveDate, DateTimeOffset ChangedAt, string ChangedBy);
