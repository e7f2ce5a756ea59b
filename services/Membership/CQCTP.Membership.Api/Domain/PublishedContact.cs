using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// An organizational contact that descriptions and newsletters may print although it looks like a person's identifier
/// (a help line such as 1-833-900-1010, a shared inbox). Staff keep the list; the identifier guard lets these through.
/// </summary>
public sealed class PublishedContact : IVersioned
{
    /// <summary>The <c>rule</c> of the 422 a value that is neither an email address nor a phone number answers with.</summary>
    public const string NotAContact = "not-a-contact";

    private PublishedContact()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>As staff wrote it (<c>1-833-900-1010</c>).</summary>
    public string Value { get; private set; } = "";

    /// <summary>Lower-cased email or ten phone digits: what the guard compares and what must be unique.</summary>
    public string NormalizedValue { get; private set; } = "";

    public BilingualText Label { get; private set; } = BilingualText.Of("");
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static PublishedContact Publish(string value, BilingualText label, DateTimeOffset now)
    {
        var contact = new PublishedContact { Id = Guid.CreateVersion7(now), CreatedAt = now };
        contact.Update(value, label, now);
        return contact;
    }

    /// <exception cref="DomainException"><c>not-a-contact</c> (422) unless the value is an email or a phone number.</exception>
    public void Update(string value, BilingualText label, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(label);
        NormalizedValue = Normalize(value) ?? throw DomainException.Rule(NotAContact, new Localized(
            "La valeur doit être une adresse courriel ou un numéro de téléphone d'un organisme.",
            "The value must be an organization's email address or phone number."));
        Value = value.Trim();
        Label = label;
        UpdatedAt = now;
    }

    /// <summary>The normalized form, or null when <paramref name="value"/> is no single email or phone number.</summary>
    public static string? Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var found = IdentifierDetector.Find(value);
        if (found.Count != 1 || found[0].Length != value.Trim().Length)
        {
            return null;
        }

        return found[0].Kind switch
        {
            IdentifierKind.Email => IdentifierAllowlist.NormalizeEmail(found[0].Text),
            IdentifierKind.Phone => IdentifierAllowlist.NormalizePhone(found[0].Text),
            _ => null,
        };
    }
}
