using System.Globalization;

namespace CQCTP.Primitives;

/// <summary>A text a person reads, in French (the default) and English.</summary>
public sealed record Localized(string Fr, string En)
{
    /// <summary>The text for the request's UI culture: English if asked for, French otherwise.</summary>
    public string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Fr;

    public string Format(params object?[] args) => string.Format(CultureInfo.CurrentCulture, Current, args);
}
