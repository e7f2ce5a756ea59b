namespace CQCTP.Membership.Contracts;

/// <summary>Published when a delegate's details or roles change.</summary>
public sealed record DelegateUpdated
{
    public required Guid DelegateId { get; init; }
    public required Guid OrganizationId { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public required DateTimeOffset UpdatedAt { get; init; }
}
