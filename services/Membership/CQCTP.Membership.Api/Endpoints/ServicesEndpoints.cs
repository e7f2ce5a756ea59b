using System.Security.Claims;
using System.Text.RegularExpressions;
using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Extensions;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// An organization's services. Staff and the organization's own portal write; staff, integrators and the own portal
/// read them all, private ones included. The public reads them through the directory.
/// </summary>
public static partial class ServicesEndpoints
{
    public const string Prefix = "/api/v1/membership/organizations/{organizationId:guid}/services";

    /// <summary>An ISO 639 language code (<c>fr</c>, <c>en</c>, <c>ber</c>).</summary>
    public const string LanguagePattern = "^[a-z]{2,3}$";

    public static IEndpointRouteBuilder MapServicesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Services");
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);
        group.ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Create).WithName("CreateService").WithIdempotency()
            .RequireAuthorization(MembershipApi.UpdateOrganizations)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Ajouter un service offert / Add a service offered");
        group.MapGet("/", List).WithName("ListServices").RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Lister les services d'une organisation / List an organization's services");
        group.MapGet("/{id:guid}", Get).WithName("GetService").RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Lire un service / Read a service");
        group.MapPut("/{id:guid}", Replace).WithName("ReplaceService").RequireIfMatch()
            .RequireAuthorization(MembershipApi.UpdateOrganizations)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Remplacer un service / Replace a service");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteService").RequireIfMatch()
            .RequireAuthorization(MembershipApi.UpdateOrganizations)
            .WithSummary("Retirer un service / Remove a service");

        return endpoints;
    }

    public static async Task<Results<Created<ServiceResponse>, ProblemHttpResult>> Create(
        Guid organizationId, ServiceRequest request, MembershipDbContext db, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var organization = await FindOrganizationAsync(db, context.User, Scopes.MembershipWrite, organizationId, cancellationToken);
        if (organization is null)
        {
            return ApiProblems.NotFound();
        }

        if (await CheckAsync(request, organization, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        var service = ServiceOffering.Offer(organizationId, request.ToDetails(), clock.GetUtcNow());
        db.Services.Add(service);
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(service);
        return TypedResults.Created($"{Location(organizationId)}/{service.Id}", ServiceResponse.From(service));
    }

    public static async Task<Results<Ok<Paged<ServiceResponse>>, ProblemHttpResult>> List(
        Guid organizationId, [AsParameters] PageQuery page, MembershipDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await FindOrganizationAsync(db, user, Scopes.MembershipRead, organizationId, cancellationToken) is null)
        {
            return ApiProblems.NotFound();
        }

        var services = await db.Services.AsNoTracking().Where(s => s.OrganizationId == organizationId)
            .OrderBy(s => s.Name.Fr).ThenBy(s => s.Id)
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(new Paged<ServiceResponse>([.. services.Items.Select(ServiceResponse.From)],
            services.Page, services.PageSize, services.Total));
    }

    public static async Task<Results<Ok<ServiceResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid organizationId, Guid id, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == id && s.OrganizationId == organizationId, cancellationToken);
        if (service is null || !context.User.MayAccessOrganization(Scopes.MembershipRead, organizationId))
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfNoneMatch(context, service) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(ServiceResponse.From(service));
    }

    public static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> Replace(
        Guid organizationId, Guid id, ServiceRequest request, MembershipDbContext db, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        var organization = await FindOrganizationAsync(db, context.User, Scopes.MembershipWrite, organizationId, cancellationToken);
        var service = organization is null
            ? null
            : await db.Services.SingleOrDefaultAsync(s => s.Id == id && s.OrganizationId == organizationId, cancellationToken);
        if (organization is null || service is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, service) is { } stale)
        {
            return stale;
        }

        if (await CheckAsync(request, organization, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        service.Update(request.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(service);
        return TypedResults.Ok(ServiceResponse.From(service));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid organizationId, Guid id, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == id && s.OrganizationId == organizationId, cancellationToken);
        if (service is null || !context.User.MayAccessOrganization(Scopes.MembershipWrite, organizationId))
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, service) is { } stale)
        {
            return stale;
        }

        db.Services.Remove(service);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static string Location(Guid organizationId) =>
        Prefix.Replace("{organizationId:guid}", organizationId.ToString(), StringComparison.Ordinal);

    private static async Task<Organization?> FindOrganizationAsync(MembershipDbContext db, ClaimsPrincipal user,
        string staffScope, Guid organizationId, CancellationToken cancellationToken) =>
        user.MayAccessOrganization(staffScope, organizationId)
            ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken)
            : null;

    /// <summary>The element rules DataAnnotations cannot state (400), a known category (400), then the identifier guard (422).</summary>
    private static async Task<ProblemHttpResult?> CheckAsync(ServiceRequest request, Organization organization,
        MembershipDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        for (var i = 0; i < request.RegionCodes.Count; i++)
        {
            if (request.RegionCodes[i] is not { } region || !RegionCode().IsMatch(region))
            {
                errors[$"regionCodes[{i}]"] = [ValidationMessages.Error(ValidationMessages.InvalidFormat)];
            }
        }

        for (var i = 0; i < request.Languages.Count; i++)
        {
            if (request.Languages[i] is not { } language || !LanguageCode().IsMatch(language))
            {
                errors[$"languages[{i}]"] = [ValidationMessages.Error(ValidationMessages.InvalidFormat)];
            }
        }

        if (!await db.ServiceCategories.AnyAsync(c => c.Code == request.Category, cancellationToken))
        {
            errors["category"] = [ValidationMessages.Error(ValidationMessages.InvalidValue)];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var allowed = await ContactAllowlist.ForOrganizationAsync(db, organization.PublicEmail, organization.PublicPhone, cancellationToken);
        return IdentifierGuard.Check(allowed,
            ("name.fr", request.Name.Fr), ("name.en", request.Name.En),
            ("eligibility.fr", request.Eligibility?.Fr), ("eligibility.en", request.Eligibility?.En));
    }

    [GeneratedRegex("^(0[1-9]|1[0-7])$")]
    internal static partial Regex RegionCode();

    [GeneratedRegex(LanguagePattern)]
    private static partial Regex LanguageCode();
}
