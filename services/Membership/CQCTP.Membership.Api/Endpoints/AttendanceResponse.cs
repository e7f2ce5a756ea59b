namespace CQCTP.Membership.Api.Endpoints;

/// <summary>Who is present, by id only: names are read from the delegates, by those allowed to.</summary>
public sealed record AttendanceResponse(Guid DelegateId, Guid OrganizationId, DateTimeOffset RecordedAt);
