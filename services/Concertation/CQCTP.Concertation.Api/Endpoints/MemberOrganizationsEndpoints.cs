using CQCTP.ApiConventions.Http;
using CQCTP.Concertation.Api.Data;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Concertation.Api.Endpoints;

public static class MemberOrganizationsEndpoints
{
    public const string Prefix = "/api/v1/concertation/member-organizations";

    public static IEndpointRouteBuilder MapMemberOrganizationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Member organizations");

        group.MapGet("/", List).WithName("ListMemberOrganizations").RequireAuthorization(Scopes.ConcertationRead)
            .WithSummary("Lister les organismes membres connus de la Table / List the member organizations known to the roundtable")
            .WithDescription("Copie locale tenue à jour par les événements de Membres (cohérence à terme). / " +
                "Local copy kept up to date by Membership's events (eventually consistent).");

        return endpoints;
    }

    public static async Task<Ok<Paged<MemberOrganizationSummary>>> List(
        [AsParameters] PageQuery page, ConcertationDbContext db, CancellationToken cancellationToken)
    {
        var result = await db.MemberOrganizations.AsNoTracking()
            .OrderBy(o => o.LegalName).ThenBy(o => o.OrganizationId)
            .Select(o => new MemberOrganizationSummary(o.OrganizationId, o.LegalName, o.CommonName, o.RegionCode,
                o.MembershipStatus, o.StatusReportedAt))
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(result);
    }
}
