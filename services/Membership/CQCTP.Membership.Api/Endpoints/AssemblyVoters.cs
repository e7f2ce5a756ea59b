using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>Who may vote at an assembly and whether the quorum holds, from the current memberships, dues and attendance.</summary>
internal static class AssemblyVoters
{
    /// <summary>Active regular members whose dues for the assembly's fiscal year are paid.</summary>
    public static IQueryable<Guid> VotingOrganizations(MembershipDbContext db, GeneralAssembly assembly)
    {
        var year = assembly.FiscalYear;
        return db.Organizations
            .Where(o => o.Status == MembershipStatus.Active && o.MembershipType == MembershipType.Regular)
            .Where(o => db.Dues.Any(d => d.OrganizationId == o.Id && d.FiscalYear == year && d.PaidOn != null))
            .Select(o => o.Id);
    }

    public static async Task<Quorum> QuorumAsync(MembershipDbContext db, GeneralAssembly assembly,
        CancellationToken cancellationToken)
    {
        var voting = VotingOrganizations(db, assembly);
        var eligible = await voting.CountAsync(cancellationToken);
        var represented = await db.AssemblyAttendance.Where(a => a.AssemblyId == assembly.Id)
            .Select(a => a.OrganizationId).Distinct().CountAsync(o => voting.Contains(o), cancellationToken);
        return new Quorum(eligible, represented, assembly.QuorumPercent);
    }
}
