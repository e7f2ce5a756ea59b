using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>All an anonymous applicant gets back: nothing it sent is echoed.</summary>
public sealed record ApplicationReceipt(Guid Id, ApplicationStatus Status);
