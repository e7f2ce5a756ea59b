using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Messaging.Outbox;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// Membership applications: an organization applies without an account (anonymous, rate-limited and CORS-enabled
/// at the gateway), staff approve (choosing the membership type) or refuse (with a reason).
/// </summary>
public static class ApplicationsEndpoints
{
    public const string Prefix = "/api/v1/membership/applications";

    public static IEndpointRouteBuilder MapApplicationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Applications");

        group.MapPost("/", Submit).WithName("SubmitApplication").WithIdempotency().AllowAnonymous()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Demander l'adhésion (public) / Apply for membership (public)");
        group.MapGet("/", List).WithName("ListApplications").RequireAuthorization(Scopes.MembershipWrite)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Lister les demandes d'adhésion / List membership applications");
        group.MapGet("/{id:guid}", Get).WithName("GetApplication").RequireAuthorization(Scopes.MembershipWrite)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Lire une demande d'adhésion / Read a membership application");
        Decision(group.MapPost("/{id:guid}/approve", Approve), "ApproveApplication",
            "Approuver une demande / Approve an application");
        Decision(group.MapPost("/{id:guid}/refuse", Refuse), "RefuseApplication",
            "Refuser une demande / Refuse an application");

        return endpoints;
    }

    private static void Decision(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).RequireIfMatch().RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static async Task<Results<Created<ApplicationReceipt>, ProblemHttpResult>> Submit(
        ApplicationRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var profile = request.Organization!;
        if (OrganizationRules.Check(profile, "organization") is { Count: > 0 } errors)
        {
            return ApiProblems.Validation(errors);
        }

        // The message and the description speak of the organization: never a person's identifier.
        if (IdentifierGuard.Check(("organization.description.fr", profile.Description?.Fr),
                ("organization.description.en", profile.Description?.En), ("message", request.Message)) is { } refused)
        {
            return refused;
        }

        if (await OrganizationsEndpoints.NameTakenAsync(db, profile.LegalName, exceptId: null, cancellationToken))
        {
            return OrganizationsEndpoints.DuplicateProblem();
        }

        var now = clock.GetUtcNow();
        var organization = Organization.Register(profile.ToDetails(), now);
        var application = MembershipApplication.Submit(organization, request.ContactEmail, request.Message, now);
        db.Organizations.Add(organization);
        db.MembershipApplications.Add(application);
        outbox.Add(OrganizationEvents.Registered(organization));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"{Prefix}/{application.Id}", new ApplicationReceipt(application.Id, application.Status));
    }

    public static async Task<Results<Ok<Paged<ApplicationSummary>>, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, MembershipDbContext db, CancellationToken cancellationToken,
        [FromQuery] string? status = null)
    {
        if (!QueryFilter.TryParse<ApplicationStatus>(status, nameof(status), out var statusFilter, out var errors))
        {
            return ApiProblems.Validation(errors);
        }

        var applications = db.MembershipApplications.AsNoTracking();
        if (statusFilter is { } wanted)
        {
            applications = applications.Where(a => a.Status == wanted);
        }

        var result = await applications
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a, o.LegalName })
            .OrderBy(x => x.a.SubmittedAt).ThenBy(x => x.a.Id)
            .Select(x => new ApplicationSummary(x.a.Id, x.a.OrganizationId, x.LegalName, x.a.Status, x.a.SubmittedAt))
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<ApplicationResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid id, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var application = await db.MembershipApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfNoneMatch(context, application) is { } notModified)
        {
            return notModified;
        }

        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == application.OrganizationId, cancellationToken);
        return TypedResults.Ok(ApplicationResponse.From(application, organization));
    }

    public static Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Approve(
        Guid id, ActivationRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken) =>
        DecideAsync(id, request.Reason, request.EffectiveDate,
            (a, o, d) => a.Approve(o, request.MembershipType!.Value, d), db, outbox, clock, context, cancellationToken);

    public static Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Refuse(
        Guid id, RefusalRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken) =>
        DecideAsync(id, request.Reason, request.EffectiveDate, (a, o, d) => a.Refuse(o, d), db, outbox, clock,
            context, cancellationToken);

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> DecideAsync(
        Guid id, string? reason, DateOnly? effectiveDate,
        Func<MembershipApplication, Organization, MembershipDecision, MembershipStatusChange> decide,
        MembershipDbContext db, IOutbox outbox, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var application = await db.MembershipApplications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, application) is { } stale)
        {
            return stale;
        }

        if (MembershipLifecycleEndpoints.GuardReason(reason) is { } refused)
        {
            return refused;
        }

        var organization = await db.Organizations.SingleAsync(o => o.Id == application.OrganizationId, cancellationToken);
        var change = decide(application, organization,
            MembershipLifecycleEndpoints.Decision(reason, effectiveDate, context.User, clock.GetUtcNow()));
        MembershipLifecycleEndpoints.Publish(outbox, organization, change);
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(application);
        return TypedResults.Ok(ApplicationResponse.From(application, organization));
    }
}
