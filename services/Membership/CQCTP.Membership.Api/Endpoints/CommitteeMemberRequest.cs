using System.ComponentModel.DataAnnotations;
using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A delegate joining a committee (POST <c>…/members</c>).</summary>
public sealed record CommitteeMemberRequest
{
    [Required]
    public Guid? DelegateId { get; init; }

    /// <summary><c>chair</c>, <c>secretary</c> or <c>member</c>.</summary>
    [Required]
    public CommitteeRole? Role { get; init; }

    [Required]
    public DateOnly? TermStart { get; init; }

    /// <summary>Absent while the term has no set end; never before <see cref="TermStart"/> (422).</summary>
    public DateOnly? TermEnd { get; init; }
}
