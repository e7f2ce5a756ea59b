using System.Globalization;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace CQCTP.Primitives;

/// <summary>
/// Finds direct identifiers of a person in free text — an email address, a phone number, a Quebec health-insurance
/// number (NAM) or a social insurance number (SIN, Luhn-checked so other nine-digit numbers pass). No victim identity
/// may enter the platform; domain code can use this directly, and the API's identifier guard answers with it.
/// </summary>
public static partial class IdentifierDetector
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Every identifier in <paramref name="text"/>, in order of position, without overlaps.</summary>
    public static IReadOnlyList<IdentifierMatch> Find(string? text) => Find(text, IdentifierAllowlist.Empty);

    /// <summary>Every identifier in <paramref name="text"/> that is not a published contact of <paramref name="allowed"/>.</summary>
    public static IReadOnlyList<IdentifierMatch> Find(string? text, IdentifierAllowlist allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<IdentifierMatch>();
        found.AddRange(Email().Matches(text).Select(m => new IdentifierMatch(IdentifierKind.Email, m.Index, m.Length, m.Value)));
        found.AddRange(HealthInsuranceNumber().Matches(text).Where(IsPlausibleNam)
            .Select(m => new IdentifierMatch(IdentifierKind.HealthInsuranceNumber, m.Index, m.Length, m.Value)));
        found.AddRange(SocialInsuranceNumber().Matches(text).Where(m => IsValidSin(m.Value))
            .Select(m => new IdentifierMatch(IdentifierKind.SocialInsuranceNumber, m.Index, m.Length, m.Value)));
        found.AddRange(Phones.FindNumbers(text, "CA", PhoneNumberUtil.Leniency.VALID, long.MaxValue)
            .Select(m => new IdentifierMatch(IdentifierKind.Phone, m.Start, m.Length, m.RawString)));

        var result = new List<IdentifierMatch>();
        foreach (var match in found.OrderBy(m => m.Start).ThenByDescending(m => m.Length))
        {
            if (result.Count == 0 || match.Start >= result[^1].Start + result[^1].Length)
            {
                result.Add(match);
            }
        }

        return allowed.IsEmpty ? result : [.. result.Where(m => !allowed.Allows(m))];
    }

    /// <summary>The Luhn check SINs carry (a run of zeros passes Luhn but is no number).</summary>
    public static bool IsValidSin(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 9 || digits.All(d => d == 0))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = i % 2 == 1 ? digits[i] * 2 : digits[i];
            sum += d > 9 ? d - 9 : d;
        }

        return sum % 10 == 0;
    }

    /// <summary>The kind as the API spells it (<c>health-insurance-number</c>).</summary>
    public static string KindName(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Email => "email",
        IdentifierKind.Phone => "phone",
        IdentifierKind.HealthInsuranceNumber => "health-insurance-number",
        _ => "social-insurance-number",
    };

    /// <summary>NAM: 4 letters, birth year, month (+50 for women), day, 2 digits: the date must exist.</summary>
    private static bool IsPlausibleNam(Match match)
    {
        var month = int.Parse(match.Groups["month"].ValueSpan, provider: CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].ValueSpan, provider: CultureInfo.InvariantCulture);
        return (month is >= 1 and <= 12 or >= 51 and <= 62) && day is >= 1 and <= 31;
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z]{4}[ -]?\d{2}(?<month>\d{2})[ -]?(?<day>\d{2})\d{2}(?!\p{N})", RegexOptions.CultureInvariant)]
    private static partial Regex HealthInsuranceNumber();

    [GeneratedRegex(@"(?<![\p{N}-])\d{3}([ -]?)\d{3}\1\d{3}(?![\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex SocialInsuranceNumber();
}
