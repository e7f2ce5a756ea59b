using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>An application as staff see it; the organization's profile is at <c>organizations/{organizationId}</c>.</summary>
public sealed record ApplicationResponse(
    Guid Id,
    Guid OrganizationId,
    string LegalName,
    string ContactEmail,
    string? Message,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    MembershipType? MembershipType)
{
    public static ApplicationResponse From(MembershipApplication a, Organization o) =>
        new(a.Id, o.Id, o.LegalName, a.ContactEmail, a.Message, a.Status, a.SubmittedAt, a.DecidedAt,
            a.DecisionReason, a.Status == ApplicationStatus.Approved ? o.MembershipType : null);
}
