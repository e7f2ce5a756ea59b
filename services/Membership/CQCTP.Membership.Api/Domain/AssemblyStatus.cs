namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// Where a general assembly stands: planned → convened (the convocation is sent) → in session → closed.
/// </summary>
public enum AssemblyStatus
{
    Planned,
    Convened,
    InSession,
    Closed,
}
