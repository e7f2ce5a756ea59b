using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A committee, as created (POST) or replaced (PUT).</summary>
public sealed record CommitteeRequest
{
    /// <summary><c>board</c> (CA), <c>coordination</c>, <c>clinical</c> or <c>other</c>.</summary>
    [Required]
    public CommitteeKind? Kind { get; init; }

    [Required]
    [BilingualMaxLength(200)]
    public BilingualText? Name { get; init; }
}
