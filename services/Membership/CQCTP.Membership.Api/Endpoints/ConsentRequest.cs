using System.ComponentModel.DataAnnotations;
using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A consent the delegate gave, with the version of the text they were shown.</summary>
public sealed record ConsentRequest
{
    /// <summary><c>newsletter</c> or <c>directory-listing</c>.</summary>
    [Required]
    public ConsentPurpose? Purpose { get; init; }

    [Required]
    [MaxLength(50)]
    public string TextVersion { get; init; } = "";

    /// <summary>Directory listing only: whether the listing shows the delegate's email.</summary>
    public bool? ShowEmail { get; init; }

    /// <summary>Directory listing only: whether the listing shows the delegate's phone.</summary>
    public bool? ShowPhone { get; init; }
}
