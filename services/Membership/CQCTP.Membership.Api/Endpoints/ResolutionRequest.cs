using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Validation;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A resolution's text. It speaks of the coalition's business, never of a case or a person.</summary>
public sealed record ResolutionRequest
{
    [Required]
    [BilingualMaxLength(5000)]
    public BilingualText? Text { get; init; }
}
