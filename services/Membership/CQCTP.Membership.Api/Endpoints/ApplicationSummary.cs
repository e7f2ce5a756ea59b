using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record ApplicationSummary(Guid Id, Guid OrganizationId, string LegalName, ApplicationStatus Status,
    DateTimeOffset SubmittedAt);
