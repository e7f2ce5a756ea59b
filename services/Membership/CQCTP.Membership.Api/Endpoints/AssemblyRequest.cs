using System.ComponentModel.DataAnnotations;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A general assembly as planned (POST) or replanned (PUT, until it opens).</summary>
public sealed record AssemblyRequest
{
    [Required]
    public AssemblyKind? Kind { get; init; }

    [Required]
    [BilingualMaxLength(200)]
    public BilingualText? Title { get; init; }

    /// <summary>When it starts, with its offset (e.g. <c>2027-06-12T09:30:00-04:00</c>).</summary>
    [Required]
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>A public venue or "en ligne / online"; never a shelter's address.</summary>
    [MaxLength(300)]
    public string? Location { get; init; }

    /// <summary>The convocation and agenda as sent to the members.</summary>
    [BilingualMaxLength(10000)]
    public BilingualText? Convocation { get; init; }

    /// <summary>Share of the voting organizations that must be represented, in percent; the setting's default when absent.</summary>
    [Range(1, 100)]
    public int? QuorumPercent { get; init; }

    public AssemblyDetails ToDetails(int defaultQuorumPercent) =>
        new(Kind!.Value, Title!, StartsAt!.Value, Location, Convocation, QuorumPercent ?? defaultQuorumPercent);
}
