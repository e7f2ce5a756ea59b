namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A delegate who consented to be listed; <c>email</c> and <c>phone</c> only when they agreed to show them.</summary>
public sealed record MembersDirectoryEntry(
    Guid DelegateId,
    string FullName,
    string? Title,
    Guid OrganizationId,
    string OrganizationName,
    string? RegionCode,
    string? Email,
    string? Phone);
