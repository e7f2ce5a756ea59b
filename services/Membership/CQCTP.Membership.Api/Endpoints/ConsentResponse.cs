using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>One grant or withdrawal: when, of which purpose, and which text version was shown.</summary>
public sealed record ConsentResponse(
    Guid Id,
    Guid DelegateId,
    ConsentPurpose Purpose,
    ConsentAction Action,
    string? TextVersion,
    bool ShowEmail,
    bool ShowPhone,
    DateTimeOffset RecordedAt)
{
    public static ConsentResponse From(DelegateConsent c) =>
        new(c.Id, c.DelegateId, c.Purpose, c.Action, c.TextVersion, c.ShowEmail, c.ShowPhone, c.RecordedAt);
}
