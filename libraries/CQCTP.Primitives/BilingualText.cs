using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CQCTP.Primitives;

/// <summary>
/// Text a person reads, French first: <c>{ "fr": "...", "en": "..." }</c>. French is required, English optional;
/// readers asking for English get French when no English text exists.
/// </summary>
public sealed record BilingualText
{
    [Required]
    [Multiline]
    public string Fr { get; init; } = "";

    [Multiline]
    public string? En { get; init; }

    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(En) ? En : Fr;

    public static BilingualText Of(string fr, string? en = null) => new() { Fr = fr, En = en };
}
