using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// The privacy officer's name and contact, which Quebec's Law 25 requires to be published: anonymous to read, staff
/// set it. A single resource, absent (404) until staff first set it.
/// </summary>
public static class PrivacyOfficerEndpoints
{
    public const string Path = "/api/v1/membership/privacy-officer";

    private static readonly Localized NotSetYet = new(
        "Le responsable de la protection des renseignements personnels n'a pas encore été désigné.",
        "The person in charge of protecting personal information has not been designated yet.");

    public static IEndpointRouteBuilder MapPrivacyOfficerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Path, "Privacy officer");
        group.ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", Get).WithName("GetPrivacyOfficer").AllowAnonymous()
            .WithSummary("Responsable de la protection des renseignements personnels (public) / Privacy officer (public)");
        group.MapPut("/", Set).WithName("SetPrivacyOfficer").RequireIfMatch()
            .RequireAuthorization(Scopes.MembershipWrite)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Désigner le responsable (If-Match: * la première fois) / Set the privacy officer (If-Match: * the first time)");

        return endpoints;
    }

    public static async Task<Results<Ok<PrivacyOfficerResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var officer = await db.PrivacyOfficers.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (officer is null)
        {
            return ApiProblems.Result(ProblemCatalog.NotFound, NotSetYet.Current);
        }

        if (Preconditions.CheckIfNoneMatch(context, officer) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(PrivacyOfficerResponse.From(officer));
    }

    /// <summary>
    /// Replaces the officer's details. The first time, when there is nothing to match, only <c>If-Match: *</c> is
    /// accepted (201); afterwards the current ETag (200).
    /// </summary>
    public static async Task<Results<Ok<PrivacyOfficerResponse>, Created<PrivacyOfficerResponse>, ProblemHttpResult>> Set(
        PrivacyOfficerRequest request, MembershipDbContext db, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var officer = await db.PrivacyOfficers.SingleOrDefaultAsync(cancellationToken);
        if (officer is null)
        {
            if (!EntityTagHeaderValue.TryParseList(context.Request.Headers.IfMatch, out var tags)
                || !tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
            {
                return ApiProblems.Result(ProblemCatalog.PreconditionFailed);
            }

            officer = PrivacyOfficer.Appoint(request.ToDetails(), clock.GetUtcNow());
            db.PrivacyOfficers.Add(officer);
            await db.SaveChangesAsync(cancellationToken);
            context.Response.SetETag(officer);
            return TypedResults.Created(Path, PrivacyOfficerResponse.From(officer));
        }

        if (Preconditions.CheckIfMatch(context.Request, officer) is { } stale)
        {
            return stale;
        }

        officer.Update(request.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(officer);
        return TypedResults.Ok(PrivacyOfficerResponse.From(officer));
    }
}
