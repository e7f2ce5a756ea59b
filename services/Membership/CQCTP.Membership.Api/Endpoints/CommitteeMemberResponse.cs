using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// A committee seat. <c>fullName</c> is null for a portal when the delegate belongs to another organization and is
/// not listed in the members directory: a portal learns another member's people only through the directory.
/// </summary>
public sealed record CommitteeMemberResponse(
    Guid CommitteeId,
    Guid DelegateId,
    Guid OrganizationId,
    string? FullName,
    CommitteeRole Role,
    DateOnly TermStart,
    DateOnly? TermEnd);
