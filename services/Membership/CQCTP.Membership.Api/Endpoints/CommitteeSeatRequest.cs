using System.ComponentModel.DataAnnotations;
using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A member's role and term, as changed (PUT <c>…/members/{delegateId}</c>).</summary>
public sealed record CommitteeSeatRequest
{
    /// <summary><c>chair</c>, <c>secretary</c> or <c>member</c>.</summary>
    [Required]
    public CommitteeRole? Role { get; init; }

    [Required]
    public DateOnly? TermStart { get; init; }

    /// <summary>Absent while the term has no set end; never before <see cref="TermStart"/> (422).</summary>
    public DateOnly? TermEnd { get; init; }
}
