using System.ComponentModel.DataAnnotations;
using CQCTP.Identity.Api.Domain;

namespace CQCTP.Identity.Api.Endpoints;

/// <summary>Registers a client. <c>scopes</c> defaults to everything the kind allows; a portal needs its organization.</summary>
public sealed record RegisterClientRequest
{
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{2,99}$")]
    public string ClientId { get; init; } = "";

    [Required]
    [MaxLength(200)]
    public string DisplayName { get; init; } = "";

    /// <summary>Required: a missing kind once meant staff, the most powerful one.</summary>
    [Required]
    public ClientKind? Kind { get; init; }

    public IReadOnlyList<string>? Scopes { get; init; }

    public Guid? OrganizationId { get; init; }
}
