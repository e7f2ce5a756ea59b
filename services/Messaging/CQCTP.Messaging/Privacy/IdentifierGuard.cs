using System.Text.RegularExpressions;
using CQCTP.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PhoneNumbers;

namespace CQCTP.Messaging.Privacy;

public enum IdentifierKind
{
    Email,
    Phone,
    HealthInsuranceNumber,
    SocialInsuranceNumber,
}

/// <summary>A direct identifier found in free text: what it looks like and where (UTF-16 offset and length).</summary>
public sealed record IdentifierMatch(IdentifierKind Kind, int Start, int Length, string Text);

/// <summary>One refused field in the 422: the stable code, a message, and the offending span.</summary>
public sealed record IdentifierError(string Code, string Message, string Kind, int Start, int Length);

/// <summary>
/// Refuses free text that carries a direct identifier of a person — an email address, a phone number, a Quebec
/// health-insurance number (NAM) or a social insurance number (SIN, Luhn-checked so other nine-digit numbers pass).
/// No victim identity may enter the platform (comité clinique, minutes, notes…): apply it to every free-text field
/// that could describe a person, not to fields meant to hold an organization's contact.
/// </summary>
public static partial class IdentifierGuard
{
    /// <summary>The <c>rule</c> of the 422 (code <c>business-rule-violated</c>), and each field error's code.</summary>
    public const string Code = "direct-identifier";

    private static readonly Localized Detail = new(
        "Le texte contient un identifiant direct d'une personne : retirez-le.",
        "The text contains a direct identifier of a person: remove it.");

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private static readonly Dictionary<IdentifierKind, Localized> Messages = new()
    {
        [IdentifierKind.Email] = new("Retirez l'adresse courriel « {0} » (position {1}).", "Remove the email address \"{0}\" (position {1})."),
        [IdentifierKind.Phone] = new("Retirez le numéro de téléphone « {0} » (position {1}).", "Remove the phone number \"{0}\" (position {1})."),
        [IdentifierKind.HealthInsuranceNumber] = new("Retirez le numéro d'assurance maladie « {0} » (position {1}).",
            "Remove the health insurance number \"{0}\" (position {1})."),
        [IdentifierKind.SocialInsuranceNumber] = new("Retirez le numéro d'assurance sociale « {0} » (position {1}).",
            "Remove the social insurance number \"{0}\" (position {1})."),
    };

    /// <summary>Every identifier in <paramref name="text"/>, in order of position, without overlaps.</summary>
    public static IReadOnlyList<IdentifierMatch> Find(string? text)
    {
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

        return result;
    }

    /// <summary>
    /// A 422 (<c>business-rule-violated</c>, rule <c>direct-identifier</c>) naming each offending field and span, or null when every field is clean. Field names are the request's
    /// camelCase paths (<c>description.fr</c>).
    /// </summary>
    public static ProblemHttpResult? Check(params (string Field, string? Text)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, IdentifierError[]>();
        foreach (var (field, text) in fields)
        {
            var matches = Find(text);
            if (matches.Count > 0)
            {
                errors[field] = matches.Select(m => new IdentifierError(Code,
                    Messages[m.Kind].Format(m.Text, m.Start), KindName(m.Kind), m.Start, m.Length)).ToArray();
            }
        }

        if (errors.Count == 0)
        {
            return null;
        }

        var problem = ApiProblems.Create(ProblemCatalog.BusinessRuleViolated, Detail.Current);
        problem.Extensions["rule"] = Code;
        problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
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
        var month = int.Parse(match.Groups["month"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        return (month is >= 1 and <= 12 or >= 51 and <= 62) && day is >= 1 and <= 31;
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z]{4}[ -]?\d{2}(?<month>\d{2})[ -]?(?<day>\d{2})\d{2}(?!\p{N})", RegexOptions.CultureInvariant)]
    private static partial Regex HealthInsuranceNumber();

    [GeneratedRegex(@"(?<![\p{N}-])\d{3}([ -]?)\d{3}\1\d{3}(?![\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex SocialInsuranceNumber();
}
