namespace CQCTP.Membership.Api.Domain;

public enum CommitteeRole
{
    Chair,
    Secretary,
    Member,
}
