namespace CQCTP.Integrations.Tests.Duplicate;

/// <summary>Same name as Membership's event, another namespace: the catalogue must refuse to merge them.</summary>
public sealed record OrganizationRegistered
{
    public required Guid Id { get; init; }
}
