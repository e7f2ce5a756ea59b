using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Validation;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>An organizational email or phone number that texts may print (a help line, a shared inbox).</summary>
public sealed record PublishedContactRequest
{
    /// <summary>One email address or phone number, in any spelling (<c>1-833-900-1010</c>).</summary>
    [Required]
    [MaxLength(254)]
    public string Value { get; init; } = "";

    /// <summary>Whose contact it is, e.g. « Ligne d'urgence canadienne contre la traite des personnes ».</summary>
    [Required]
    [BilingualMaxLength(200)]
    public BilingualText Label { get; init; } = BilingualText.Of("");
}
