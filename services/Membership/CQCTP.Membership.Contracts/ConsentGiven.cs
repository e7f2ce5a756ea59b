namespace CQCTP.Membership.Contracts;

/// <summary>
/// Published when a delegate gives a consent (<c>newsletter</c> or <c>directory-listing</c>). Personal: it carries
/// the email and language the newsletter needs, so integrators never receive it.
/// </summary>
[PersonalData]
public sealed record ConsentGiven
{
    public required Guid DelegateId { get; init; }
    public required Guid OrganizationId { get; init; }

    /// <summary><c>newsletter</c> or <c>directory-listing</c>.</summary>
    public required string Purpose { get; init; }

    /// <summary>The version of the consent text the delegate was shown.</summary>
    public required string TextVersion { get; init; }

    [PersonalData]
    public required string Email { get; init; }

    /// <summary><c>fr</c> or <c>en</c>.</summary>
    public required string PreferredLanguage { get; init; }

    public required DateTimeOffset GivenAt { get; init; }
}
