namespace CQCTP.Membership.Api.Domain;

public enum ApplicationStatus
{
    Submitted,
    Approved,
    Refused,
}
