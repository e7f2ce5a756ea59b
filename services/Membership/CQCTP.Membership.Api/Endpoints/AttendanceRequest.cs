using System.ComponentModel.DataAnnotations;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A delegate signing in at the assembly; the organization they represent is theirs.</summary>
public sealed record AttendanceRequest
{
    [Required]
    public Guid? DelegateId { get; init; }
}
