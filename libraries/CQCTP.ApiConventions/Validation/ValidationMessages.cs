using CQCTP.ApiConventions.Problems;
using CQCTP.Primitives;

namespace CQCTP.ApiConventions.Validation;

/// <summary>Field error codes and their messages. Codes are stable; messages are for people.</summary>
public static class ValidationMessages
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string TooShort = "too-short";
    public const string OutOfRange = "out-of-range";
    public const string InvalidFormat = "invalid-format";
    public const string InvalidEmail = "invalid-email";
    public const string InvalidUrl = "invalid-url";
    public const string InvalidType = "invalid-type";
    public const string InvalidValue = "invalid-value";
    public const string InvalidCharacters = "invalid-characters";
    public const string UnknownScope = "unknown-scope";
    public const string Duplicate = "duplicate";

    private static readonly Dictionary<string, Localized> Messages = new()
    {
        [Required] = new("Ce champ est obligatoire.", "This field is required."),
        [TooLong] = new("Ce champ ne doit pas dépasser {0} caractères.", "This field must not exceed {0} characters."),
        [TooShort] = new("Ce champ doit contenir au moins {0} caractères.", "This field must have at least {0} characters."),
        [OutOfRange] = new("La valeur doit être comprise entre {0} et {1}.", "The value must be between {0} and {1}."),
        [InvalidFormat] = new("Le format de ce champ est invalide.", "This field's format is invalid."),
        [InvalidEmail] = new("Ce champ doit contenir une adresse courriel valide.", "This field must be a valid email address."),
        [InvalidUrl] = new("Ce champ doit contenir une adresse web (http ou https) valide.", "This field must be a valid http or https URL."),
        [InvalidType] = new("La valeur n'est pas du type attendu.", "The value is not of the expected type."),
        [InvalidValue] = new("La valeur n'est pas permise.", "The value is not allowed."),
        [InvalidCharacters] = new("Ce champ contient un caractère de contrôle (position {0}).",
            "This field contains a control character (position {0})."),
        [UnknownScope] = new("Cette portée n'existe pas.", "This scope does not exist."),
        [Duplicate] = new("Cette valeur figure déjà plus haut dans la liste.", "This value is already earlier in the list."),
    };

    public static readonly Localized MalformedJson = new(
        "Le corps JSON est invalide ou une valeur n'a pas le type attendu.",
        "The JSON body is invalid or a value does not have the expected type.");

    public static readonly Localized MalformedForm = new(
        "Le formulaire contient des caractères invalides.",
        "The form contains invalid characters.");

    public static readonly Localized MalformedParameter = new(
        "Un paramètre de la requête n'a pas le type attendu.",
        "A request parameter does not have the expected type.");

    public static IReadOnlyCollection<string> Codes => Messages.Keys;

    public static FieldError Error(string code, params object?[] args) =>
        new(code, (Messages.GetValueOrDefault(code) ?? Messages[InvalidValue]).Format(args));
}
