using System.ComponentModel.DataAnnotations;
using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// A delegate's profile, as created (POST), replaced (PUT) or patched (PATCH). Consents are not part of it: only an
/// explicit consent (<c>POST …/consents</c>) records one, so re-sending a profile never re-subscribes anyone.
/// </summary>
public sealed record DelegateRequest
{
    [Required]
    [MaxLength(200)]
    public string FullName { get; init; } = "";

    [MaxLength(200)]
    public string? Title { get; init; }

    [Required]
    [EmailAddress]
    [MaxLength(254)]
    public string Email { get; init; } = "";

    /// <summary>Digits with the usual separators, an optional leading <c>+</c> and extension (<c>514 555-0199 poste 12</c>).</summary>
    [MaxLength(30)]
    [RegularExpression(@"^\+?\(?[0-9]{1,4}\)?([ .-]?[0-9]{2,4}){2,5}( *(poste|ext\.?|x) *[0-9]{1,6})?$")]
    public string? Phone { get; init; }

    /// <summary><c>fr</c> (the default) or <c>en</c>.</summary>
    public PreferredLanguage? PreferredLanguage { get; init; }

    /// <summary><c>agm-delegate</c>, <c>primary-contact</c>.</summary>
    public IReadOnlyList<DelegateRole>? Roles { get; init; }

    public DelegateDetails ToDetails() =>
        new(FullName, Title, Email, Phone, PreferredLanguage ?? Domain.PreferredLanguage.Fr, Roles ?? []);

    public static DelegateRequest From(MemberDelegate person) => new()
    {
        FullName = person.FullName,
        Title = person.Title,
        Email = person.Email ?? "",
        Phone = person.Phone,
        PreferredLanguage = person.PreferredLanguage,
        Roles = person.Roles,
    };
}
