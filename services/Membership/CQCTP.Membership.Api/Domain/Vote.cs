namespace CQCTP.Membership.Api.Domain;

/// <summary>One member organization's vote on a resolution, cast by one of its delegates present.</summary>
public sealed class Vote
{
    private Vote()
    {
    }

    public Guid ResolutionId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid DelegateId { get; private set; }
    public VoteChoice Choice { get; private set; }
    public DateTimeOffset CastAt { get; private set; }

    internal static Vote Cast(Guid resolutionId, Guid organizationId, Guid delegateId, VoteChoice choice, DateTimeOffset now) =>
        new()
        {
            ResolutionId = resolutionId,
            OrganizationId = organizationId,
            DelegateId = delegateId,
            Choice = choice,
            CastAt = now,
        };
}
