namespace CQCTP.Membership.Api.Domain;

public enum VoteChoice
{
    For,
    Against,
    Abstain,
}
