using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// A delegate. <c>email</c> and <c>phone</c> are null unless the caller holds <c>membership.contacts.read</c> (staff) or
/// is the portal of the delegate's own organization; integrators never get them.
/// </summary>
public sealed record DelegateResponse(
    Guid Id,
    Guid OrganizationId,
    string FullName,
    string? Title,
    string? Email,
    string? Phone,
    PreferredLanguage PreferredLanguage,
    IReadOnlyList<DelegateRole> Roles,
    DelegateConsentState Consents,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static DelegateResponse From(MemberDelegate d, bool withContacts) =>
        new(d.Id, d.OrganizationId, d.FullName, d.Title, withContacts ? d.Email : null, withContacts ? d.Phone : null,
            d.PreferredLanguage, d.Roles,
            new DelegateConsentState(d.NewsletterConsent, d.ListedInDirectory, d.DirectoryShowsEmail, d.DirectoryShowsPhone),
            d.CreatedAt, d.UpdatedAt);
}
