using CQCTP.Membership.Contracts;

namespace CQCTP.Integrations.Tests;

/// <summary>Not marked as a whole, but one field is personal: the event is personal all the same.</summary>
public sealed record EventWithAPersonalField
{
    public required Guid Id { get; init; }

    [PersonalData]
    public required string Email { get; init; }
}
