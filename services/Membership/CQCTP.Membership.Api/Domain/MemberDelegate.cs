using System.Diagnostics.CodeAnalysis;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// A person a member organization appoints (délégué·e): the minimum to reach them, their roles, and their consents.
/// Not <c>Delegate</c>, which every file's implicit <c>using System</c> already names.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "A delegate here is a person (délégué·e), the coalition's own word; not a .NET delegate type.")]
public sealed class MemberDelegate : IVersioned
{
    /// <summary>The <c>rule</c> of the 409 a withdrawal of a consent that is not in force answers with.</summary>
    public const string ConsentNotGiven = "consent-not-given";

    /// <summary>The <c>rule</c> of the 422 when contact fields are chosen for a purpose other than the directory.</summary>
    public const string ContactFieldsForDirectoryOnly = "contact-fields-for-directory-only";

    private readonly List<DelegateConsent> consents = [];

    private MemberDelegate()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }

    /// <summary>Empty once the delegate is removed: their personal fields are erased (Law 25, minimum data).</summary>
    public string FullName { get; private set; } = "";

    public string? Title { get; private set; }
    public string? Email { get; private set; }

    /// <summary>Lower-cased, for the one-address-per-organization rule.</summary>
    public string? NormalizedEmail { get; private set; }

    public string? Phone { get; private set; }
    public PreferredLanguage PreferredLanguage { get; private set; }
    public IReadOnlyList<DelegateRole> Roles { get; private set; } = [];

    /// <summary>The current state of each consent: the latest record of its purpose, kept here to filter on.</summary>
    public bool NewsletterConsent { get; private set; }

    public bool ListedInDirectory { get; private set; }
    public bool DirectoryShowsEmail { get; private set; }
    public bool DirectoryShowsPhone { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>Every grant and withdrawal, oldest first once loaded in order.</summary>
    public IReadOnlyList<DelegateConsent> Consents => consents;

    public static MemberDelegate Appoint(Guid organizationId, DelegateDetails details, DateTimeOffset now)
    {
        var appointed = new MemberDelegate
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            CreatedAt = now,
        };
        appointed.Update(details, now);
        return appointed;
    }

    /// <summary>Changes the profile. Consents are never touched here: only an explicit new consent re-subscribes.</summary>
    public void Update(DelegateDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        FullName = details.FullName.Trim();
        Title = Blank(details.Title);
        Email = details.Email.Trim();
        NormalizedEmail = NormalizeEmail(Email);
        Phone = Blank(details.Phone);
        PreferredLanguage = details.PreferredLanguage;
        Roles = [.. details.Roles.Distinct().Order()];
        UpdatedAt = now;
    }

    public bool HasConsent(ConsentPurpose purpose) =>
        purpose == ConsentPurpose.Newsletter ? NewsletterConsent : ListedInDirectory;

    /// <summary>
    /// Records a consent with the text version shown. Giving it again (a new text version) is a new record; for the
    /// directory it also replaces which contact fields are shown.
    /// </summary>
    /// <exception cref="DomainException"><c>contact-fields-for-directory-only</c> (422).</exception>
    public DelegateConsent GiveConsent(ConsentPurpose purpose, string textVersion, bool showEmail, bool showPhone,
        string recordedBy, DateTimeOffset now)
    {
        if (purpose != ConsentPurpose.DirectoryListing && (showEmail || showPhone))
        {
            throw DomainException.Rule(ContactFieldsForDirectoryOnly, new Localized(
                "Le choix des coordonnées affichées ne vaut que pour le répertoire des membres.",
                "Choosing which contact fields are shown applies to the members directory only."));
        }

        if (purpose == ConsentPurpose.Newsletter)
        {
            NewsletterConsent = true;
        }
        else
        {
            ListedInDirectory = true;
            DirectoryShowsEmail = showEmail;
            DirectoryShowsPhone = showPhone;
        }

        return Add(DelegateConsent.Record(Id, purpose, ConsentAction.Given, textVersion.Trim(), showEmail, showPhone,
            recordedBy, now), now);
    }

    /// <summary>Withdraws a consent in force.</summary>
    /// <exception cref="DomainException"><c>consent-not-given</c> (409) when it is not in force.</exception>
    public DelegateConsent WithdrawConsent(ConsentPurpose purpose, string recordedBy, DateTimeOffset now)
    {
        if (!HasConsent(purpose))
        {
            throw DomainException.Conflict(ConsentNotGiven, new Localized(
                "Ce consentement n'est pas en vigueur : il n'y a rien à retirer.",
                "This consent is not in force: there is nothing to withdraw."));
        }

        if (purpose == ConsentPurpose.Newsletter)
        {
            NewsletterConsent = false;
        }
        else
        {
            ListedInDirectory = false;
            DirectoryShowsEmail = false;
            DirectoryShowsPhone = false;
        }

        return Add(DelegateConsent.Record(Id, purpose, ConsentAction.Withdrawn, null, false, false, recordedBy, now), now);
    }

    /// <summary>
    /// The delegate no longer represents the organization: personal fields are erased and consents end. The row stays
    /// (without anything personal) so the consent history keeps its proof.
    /// </summary>
    public void Remove(DateTimeOffset now)
    {
        FullName = "";
        Title = null;
        Email = null;
        NormalizedEmail = null;
        Phone = null;
        Roles = [];
        NewsletterConsent = false;
        ListedInDirectory = false;
        DirectoryShowsEmail = false;
        DirectoryShowsPhone = false;
        RemovedAt = now;
        UpdatedAt = now;
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    private DelegateConsent Add(DelegateConsent consent, DateTimeOffset now)
    {
        consents.Add(consent);
        UpdatedAt = now;
        return consent;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
