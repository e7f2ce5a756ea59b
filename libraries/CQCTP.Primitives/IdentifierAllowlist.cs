namespace CQCTP.Primitives;

/// <summary>
/// Published organizational contacts that free text may print although they look like a person's identifier: an
/// organization's own public email and phone, help lines such as 1-833-900-1010. Compared normalized: emails
/// lower-cased, phones as their ten digits (a leading North American <c>1</c> dropped), so any spelling matches.
/// </summary>
public sealed class IdentifierAllowlist
{
    private readonly HashSet<string> emails = new(StringComparer.Ordinal);
    private readonly HashSet<string> phones = new(StringComparer.Ordinal);

    public IdentifierAllowlist(IEnumerable<string?> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        foreach (var contact in contacts)
        {
            if (string.IsNullOrWhiteSpace(contact))
            {
                continue;
            }

            if (contact.Contains('@', StringComparison.Ordinal))
            {
                emails.Add(NormalizeEmail(contact));
            }
            else if (NormalizePhone(contact) is { Length: > 0 } phone)
            {
                phones.Add(phone);
            }
        }
    }

    public static IdentifierAllowlist Empty { get; } = new([]);

    public bool IsEmpty => emails.Count == 0 && phones.Count == 0;

    /// <summary>Whether <paramref name="match"/> is one of the published contacts (never a NAM or a SIN).</summary>
    public bool Allows(IdentifierMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Kind switch
        {
            IdentifierKind.Email => emails.Contains(NormalizeEmail(match.Text)),
            IdentifierKind.Phone => phones.Contains(NormalizePhone(match.Text)),
            _ => false,
        };
    }

    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>Digits only, without the leading country code 1 of an eleven-digit North American number.</summary>
    public static string NormalizePhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
    }
}
