namespace CQCTP.Membership.Api.Domain;

/// <summary>A delegate recorded present at a general assembly, for the organization they represent.</summary>
public sealed class AssemblyAttendance
{
    private AssemblyAttendance()
    {
    }

    public Guid AssemblyId { get; private set; }
    public Guid DelegateId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal static AssemblyAttendance Record(Guid assemblyId, Guid delegateId, Guid organizationId, DateTimeOffset now) =>
        new() { AssemblyId = assemblyId, DelegateId = delegateId, OrganizationId = organizationId, RecordedAt = now };
}
