using System.ComponentModel.DataAnnotations;
using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A vote as the secretary records it: the delegate casting it (for their organization) and the choice.</summary>
public sealed record VoteRequest
{
    [Required]
    public Guid? DelegateId { get; init; }

    [Required]
    public VoteChoice? Choice { get; init; }
}
