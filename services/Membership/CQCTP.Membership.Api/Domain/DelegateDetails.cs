namespace CQCTP.Membership.Api.Domain;

public sealed record DelegateDetails(
    string FullName,
    string? Title,
    string Email,
    string? Phone,
    PreferredLanguage PreferredLanguage,
    IReadOnlyList<DelegateRole> Roles);
