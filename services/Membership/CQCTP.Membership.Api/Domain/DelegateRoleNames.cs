namespace CQCTP.Membership.Api.Domain;

/// <summary>A role's spelling in the events (<c>agm-delegate</c>, <c>primary-contact</c>).</summary>
public static class DelegateRoleNames
{
    public static string Name(DelegateRole role) =>
        role == DelegateRole.AgmDelegate ? "agm-delegate" : "primary-contact";
}
