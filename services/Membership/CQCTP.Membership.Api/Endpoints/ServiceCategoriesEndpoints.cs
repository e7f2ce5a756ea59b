using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// The managed list of service categories. Reading is anonymous (the public directory's filters need the labels);
/// staff add and rename.
/// </summary>
public static class ServiceCategoriesEndpoints
{
    public const string Prefix = "/api/v1/membership/service-categories";

    private static readonly Localized DuplicateCode = new(
        "Une catégorie porte déjà ce code.", "A category with this code already exists.");

    public static IEndpointRouteBuilder MapServiceCategoriesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Service categories");

        group.MapGet("/", List).WithName("ListServiceCategories").AllowAnonymous()
            .WithSummary("Lister les catégories de services (public) / List service categories (public)");
        group.MapGet("/{code}", Get).WithName("GetServiceCategory").AllowAnonymous()
            .WithSummary("Lire une catégorie de services (public) / Read a service category (public)");
        group.MapPost("/", Create).WithName("CreateServiceCategory").WithIdempotency()
            .RequireAuthorization(Scopes.MembershipWrite)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Ajouter une catégorie de services / Add a service category");
        group.MapPut("/{code}", Rename).WithName("RenameServiceCategory").RequireIfMatch()
            .RequireAuthorization(Scopes.MembershipWrite)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Renommer une catégorie de services / Rename a service category");

        return endpoints;
    }

    public static async Task<Ok<Paged<ServiceCategoryResponse>>> List([AsParameters] PageQuery page,
        MembershipDbContext db, CancellationToken cancellationToken)
    {
        var categories = await db.ServiceCategories.AsNoTracking().OrderBy(c => c.Label.Fr).ThenBy(c => c.Code)
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(new Paged<ServiceCategoryResponse>([.. categories.Items.Select(ServiceCategoryResponse.From)],
            categories.Page, categories.PageSize, categories.Total));
    }

    public static async Task<Results<Ok<ServiceCategoryResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        string code, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var category = await db.ServiceCategories.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (category is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfNoneMatch(context, category) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(ServiceCategoryResponse.From(category));
    }

    public static async Task<Results<Created<ServiceCategoryResponse>, ProblemHttpResult>> Create(
        ServiceCategoryRequest request, MembershipDbContext db, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (await db.ServiceCategories.AnyAsync(c => c.Code == request.Code, cancellationToken))
        {
            return ApiProblems.Result(ProblemCatalog.Duplicate, DuplicateCode.Current);
        }

        var category = ServiceCategory.Define(request.Code, request.Label, clock.GetUtcNow());
        db.ServiceCategories.Add(category);
        await db.SaveChangesAsync(cancellationToken);

        response.SetETag(category);
        return TypedResults.Created($"{Prefix}/{category.Code}", ServiceCategoryResponse.From(category));
    }

    public static async Task<Results<Ok<ServiceCategoryResponse>, ProblemHttpResult>> Rename(
        string code, ServiceCategoryLabelRequest request, MembershipDbContext db, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        var category = await db.ServiceCategories.SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (category is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, category) is { } stale)
        {
            return stale;
        }

        category.Rename(request.Label, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(category);
        return TypedResults.Ok(ServiceCategoryResponse.From(category));
    }
}
