using System.Security.Claims;
using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Extensions;
using CQCTP.Primitives;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>Dues (cotisations) per fiscal year: staff record them; the organization's portal reads its own.</summary>
public static class DuesEndpoints
{
    public const string Prefix = "/api/v1/membership/organizations/{organizationId:guid}/dues";

    private static readonly Localized YearMismatch = new(
        "L'exercice du corps de la requête doit être celui de l'adresse.",
        "The fiscal year in the body must be the one in the address.");

    public static IEndpointRouteBuilder MapDuesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Dues");
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", List).WithName("ListDues").RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Lister les cotisations par exercice / List dues per fiscal year");
        group.MapPost("/", Record).WithName("RecordDues").WithIdempotency()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Inscrire la cotisation d'un exercice / Record a fiscal year's dues");
        group.MapGet("/{fiscalYear:int}", Get).WithName("GetDues").RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Lire la cotisation d'un exercice / Read a fiscal year's dues");
        group.MapPut("/{fiscalYear:int}", Replace).WithName("ReplaceDues").RequireIfMatch()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Modifier la cotisation (montant, date de paiement) / Change the dues (amount, payment date)");
        return endpoints;
    }

    public static async Task<Results<Ok<IReadOnlyList<DuesResponse>>, ProblemHttpResult>> List(
        Guid organizationId, MembershipDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.MayAccessOrganization(Scopes.MembershipRead, organizationId)
            || !await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return ApiProblems.NotFound();
        }

        var dues = await db.Dues.AsNoTracking().Where(d => d.OrganizationId == organizationId)
            .OrderByDescending(d => d.FiscalYear).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DuesResponse>>([.. dues.Select(DuesResponse.From)]);
    }

    public static async Task<Results<Created<DuesResponse>, ProblemHttpResult>> Record(
        Guid organizationId, DuesRequest request, MembershipDbContext db, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return ApiProblems.NotFound();
        }

        var now = clock.GetUtcNow();
        // A second record for the same year hits the unique index: 409 duplicate.
        var dues = MembershipDues.Record(organizationId, request.FiscalYear!.Value, request.Amount!.Value,
            request.PaidOn, Organization.Today(now), now);
        db.Dues.Add(dues);
        await db.SaveChangesAsync(cancellationToken);

        response.SetETag(dues);
        return TypedResults.Created($"/api/v1/membership/organizations/{organizationId}/dues/{dues.FiscalYear}",
            DuesResponse.From(dues));
    }

    public static async Task<Results<Ok<DuesResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid organizationId, int fiscalYear, MembershipDbContext db, HttpContext context,
        CancellationToken cancellationToken)
    {
        var dues = await db.Dues.AsNoTracking()
            .SingleOrDefaultAsync(d => d.OrganizationId == organizationId && d.FiscalYear == fiscalYear, cancellationToken);
        if (dues is null || !context.User.MayAccessOrganization(Scopes.MembershipRead, organizationId))
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfNoneMatch(context, dues) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(DuesResponse.From(dues));
    }

    public static async Task<Results<Ok<DuesResponse>, ProblemHttpResult>> Replace(
        Guid organizationId, int fiscalYear, DuesRequest request, MembershipDbContext db, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        var dues = await db.Dues
            .SingleOrDefaultAsync(d => d.OrganizationId == organizationId && d.FiscalYear == fiscalYear, cancellationToken);
        if (dues is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, dues) is { } stale)
        {
            return stale;
        }

        if (request.FiscalYear != fiscalYear)
        {
            return ApiProblems.Rule("fiscal-year-mismatch", YearMismatch);
        }

        var now = clock.GetUtcNow();
        dues.Update(request.Amount!.Value, request.PaidOn, Organization.Today(now), now);
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(dues);
        return TypedResults.Ok(DuesResponse.From(dues));
    }
}
