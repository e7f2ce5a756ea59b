using CQCTP.ApiConventions.Problems;
using CQCTP.Primitives;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CQCTP.ApiConventions.Http;

/// <summary>
/// Refuses free text that carries a direct identifier of a person (<see cref="IdentifierDetector"/>). Apply it to every
/// free-text field that could describe a person (comité clinique, minutes, notes…), not to fields meant to hold an
/// organization's contact.
/// </summary>
public static class IdentifierGuard
{
    /// <summary>The <c>rule</c> of the 422 (code <c>business-rule-violated</c>), and each field error's code.</summary>
    public const string Code = "direct-identifier";

    private static readonly Localized Detail = new(
        "Le texte contient un identifiant direct d'une personne : retirez-le.",
        "The text contains a direct identifier of a person: remove it.");

    private static readonly Dictionary<IdentifierKind, Localized> Messages = new()
    {
        [IdentifierKind.Email] = new("Retirez l'adresse courriel « {0} » (position {1}).", "Remove the email address \"{0}\" (position {1})."),
        [IdentifierKind.Phone] = new("Retirez le numéro de téléphone « {0} » (position {1}).", "Remove the phone number \"{0}\" (position {1})."),
        [IdentifierKind.HealthInsuranceNumber] = new("Retirez le numéro d'assurance maladie « {0} » (position {1}).",
            "Remove the health insurance number \"{0}\" (position {1})."),
        [IdentifierKind.SocialInsuranceNumber] = new("Retirez le numéro d'assurance sociale « {0} » (position {1}).",
            "Remove the social insurance number \"{0}\" (position {1})."),
    };

    /// <summary>
    /// A 422 (<c>business-rule-violated</c>, rule <c>direct-identifier</c>) naming each offending field and span, or
    /// null when every field is clean. Field names are the request's camelCase paths (<c>description.fr</c>).
    /// </summary>
    public static ProblemHttpResult? Check(params (string Field, string? Text)[] fields) =>
        Check(IdentifierAllowlist.Empty, fields);

    /// <summary>
    /// The same check, except that the published organizational contacts in <paramref name="allowed"/> (the
    /// organization's own public email and phone, help lines) may appear in the text.
    /// </summary>
    public static ProblemHttpResult? Check(IdentifierAllowlist allowed, params (string Field, string? Text)[] fields)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, IdentifierError[]>();
        foreach (var (field, text) in fields)
        {
            var matches = IdentifierDetector.Find(text, allowed);
            if (matches.Count > 0)
            {
                errors[field] = [.. matches.Select(m => new IdentifierError(Code,
                    Messages[m.Kind].Format(m.Text, m.Start), IdentifierDetector.KindName(m.Kind), m.Start, m.Length))];
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
}
