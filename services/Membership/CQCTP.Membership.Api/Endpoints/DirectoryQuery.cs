using System.ComponentModel.DataAnnotations;
using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>The public directory's filters: <c>?q=&amp;region=&amp;category=&amp;language=&amp;focus=</c>.</summary>
public sealed record DirectoryQuery
{
    /// <summary>Free text, French-aware and accent-insensitive, over services' names and eligibility and organizations' names.</summary>
    [MaxLength(200)]
    public string? Q { get; init; }

    [RegularExpression("^(0[1-9]|1[0-7])$")]
    public string? Region { get; init; }

    [RegularExpression(ServiceCategory.CodePattern)]
    public string? Category { get; init; }

    [RegularExpression(ServicesEndpoints.LanguagePattern)]
    public string? Language { get; init; }

    [RegularExpression("^(sexualExploitation|forcedLabour)$")]
    public string? Focus { get; init; }
}
