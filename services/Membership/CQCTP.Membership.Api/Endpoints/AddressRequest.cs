using System.ComponentModel.DataAnnotations;
using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record AddressRequest
{
    [Required]
    [MaxLength(200)]
    public string Street { get; init; } = "";

    [Required]
    [MaxLength(100)]
    public string City { get; init; } = "";

    /// <summary>Canadian format, <c>H2X 1Y4</c> (the space is optional).</summary>
    [Required]
    [RegularExpression("^[ABCEGHJ-NPRSTVXYabceghj-nprstvxy][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]$")]
    public string PostalCode { get; init; } = "";

    [RegularExpression(OrganizationRequest.RegionPattern)]
    public string? RegionCode { get; init; }

    public PostalAddress ToAddress() => new(Street, City, PostalCode, RegionCode);

    public static AddressRequest From(PostalAddress address) => new()
    {
        Street = address.Street,
        City = address.City,
        PostalCode = address.PostalCode,
        RegionCode = address.RegionCode,
    };
}
