namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// The quorum of a general assembly: the configured share of the organizations that may vote (active, paid-up
/// regular members) must be represented by at least one delegate present.
/// </summary>
public sealed record Quorum(int VotingOrganizations, int Represented, int Percent)
{
    /// <summary>Organizations needed, rounded up: 50 % of 7 is 4.</summary>
    public int Required => (int)Math.Ceiling(VotingOrganizations * Percent / 100m);

    public bool IsMet => VotingOrganizations > 0 && Represented >= Required;
}
