using CQCTP.Membership.Contracts;

namespace CQCTP.Membership.Api.Domain;

/// <summary>The integration events a delegate's changes produce (recorded with the outbox).</summary>
public static class DelegateEvents
{
    public static DelegateAdded Added(MemberDelegate added)
    {
        ArgumentNullException.ThrowIfNull(added);
        return new DelegateAdded
        {
            DelegateId = added.Id,
            OrganizationId = added.OrganizationId,
            Roles = [.. added.Roles.Select(DelegateRoleNames.Name)],
            AddedAt = added.CreatedAt,
        };
    }

    public static DelegateUpdated Updated(MemberDelegate updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return new DelegateUpdated
        {
            DelegateId = updated.Id,
            OrganizationId = updated.OrganizationId,
            Roles = [.. updated.Roles.Select(DelegateRoleNames.Name)],
            UpdatedAt = updated.UpdatedAt,
        };
    }

    public static DelegateRemoved Removed(MemberDelegate removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        return new DelegateRemoved
        {
            DelegateId = removed.Id,
            OrganizationId = removed.OrganizationId,
            RemovedAt = removed.RemovedAt ?? removed.UpdatedAt,
        };
    }

    /// <summary>Carries the email and language: the newsletter needs them to subscribe the delegate.</summary>
    public static ConsentGiven ConsentGiven(MemberDelegate person, DelegateConsent consent)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(consent);
        return new ConsentGiven
        {
            DelegateId = person.Id,
            OrganizationId = person.OrganizationId,
            Purpose = ConsentPurposeNames.Name(consent.Purpose),
            TextVersion = consent.TextVersion ?? "",
            Email = person.Email ?? "",
            PreferredLanguage = person.PreferredLanguage == PreferredLanguage.En ? "en" : "fr",
            GivenAt = consent.RecordedAt,
        };
    }

    public static ConsentWithdrawn ConsentWithdrawn(MemberDelegate person, DelegateConsent consent)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(consent);
        return new ConsentWithdrawn
        {
            DelegateId = person.Id,
            OrganizationId = person.OrganizationId,
            Purpose = ConsentPurposeNames.Name(consent.Purpose),
            WithdrawnAt = consent.RecordedAt,
        };
    }
}
