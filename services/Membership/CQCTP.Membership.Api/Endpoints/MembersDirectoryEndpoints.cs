using CQCTP.ApiConventions.Http;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// The members-only directory, so members can find each other: the delegates of active members who consented to be
/// listed, with only the contact fields they agreed to show. The same answer for staff and every portal.
/// </summary>
public static class MembersDirectoryEndpoints
{
    public const string Prefix = "/api/v1/membership/members-directory";

    public static IEndpointRouteBuilder MapMembersDirectoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Members directory");
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", List).WithName("ListMembersDirectory").RequireAuthorization(MembershipApi.ReadMembersDirectory)
            .WithSummary("Répertoire des membres / Members directory");
        return endpoints;
    }

    public static async Task<Ok<Paged<MembersDirectoryEntry>>> List(
        [AsParameters] PageQuery page, MembershipDbContext db, CancellationToken cancellationToken,
        [FromQuery] Guid? organizationId = null, [FromQuery] string? regionCode = null, [FromQuery] string? name = null)
    {
        var query =
            from d in db.Delegates.AsNoTracking()
            join o in db.Organizations.AsNoTracking() on d.OrganizationId equals o.Id
            where d.ListedInDirectory && d.RemovedAt == null && o.Status == MembershipStatus.Active
            select new { Delegate = d, Organization = o };

        if (organizationId is { } organization)
        {
            query = query.Where(x => x.Organization.Id == organization);
        }

        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            query = query.Where(x => x.Organization.RegionCode == regionCode.Trim());
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var pattern = $"%{name.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(x => EF.Functions.ILike(x.Delegate.FullName, pattern));
        }

        var result = await query
            .OrderBy(x => x.Delegate.FullName).ThenBy(x => x.Delegate.Id)
            .Select(x => new MembersDirectoryEntry(
                x.Delegate.Id, x.Delegate.FullName, x.Delegate.Title, x.Organization.Id, x.Organization.LegalName,
                x.Organization.RegionCode,
                x.Delegate.DirectoryShowsEmail ? x.Delegate.Email : null,
                x.Delegate.DirectoryShowsPhone ? x.Delegate.Phone : null))
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(result);
    }
}
