using System.Security.Claims;
using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Extensions;
using CQCTP.Messaging.Outbox;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// The membership lifecycle as commands on an organization (staff only, If-Match required), and its history. Ending a
/// membership closes the organization's portal at once: <see cref="ActiveMemberGate"/> refuses non-active members.
/// </summary>
public static class MembershipLifecycleEndpoints
{
    public static IEndpointRouteBuilder MapMembershipLifecycleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(OrganizationsEndpoints.Prefix, "Membership");
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);
        group.ProducesProblem(StatusCodes.Status404NotFound);

        Command(group.MapPost("/{id:guid}/activate", Activate), "ActivateMembership",
            "Admettre comme membre / Admit as a member");
        Command(group.MapPost("/{id:guid}/suspend", Suspend), "SuspendMembership",
            "Suspendre l'adhésion / Suspend the membership");
        Command(group.MapPost("/{id:guid}/lapse", Lapse), "LapseMembership",
            "Constater l'échéance de l'adhésion / Record the membership as lapsed");
        Command(group.MapPost("/{id:guid}/withdraw", Withdraw), "WithdrawMembership",
            "Enregistrer le retrait / Record the withdrawal");
        Command(group.MapPost("/{id:guid}/reactivate", Reactivate), "ReactivateMembership",
            "Réactiver l'adhésion / Reactivate the membership");
        group.MapGet("/{id:guid}/membership/history", History).WithName("GetMembershipHistory")
            .RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Historique de l'adhésion / Membership history");

        return endpoints;
    }

    private static void Command(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).RequireIfMatch().RequireAuthorization(Scopes.MembershipWrite).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Activate(
        Guid id, ActivationRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Reason, request.EffectiveDate, (o, d) => o.Activate(request.MembershipType!.Value, d),
            db, outbox, clock, context, cancellationToken);

    public static Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Suspend(
        Guid id, StatusChangeRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Reason, request.EffectiveDate, (o, d) => o.Suspend(d), db, outbox, clock, context,
            cancellationToken);

    public static Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Lapse(
        Guid id, StatusChangeRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Reason, request.EffectiveDate, (o, d) => o.Lapse(d), db, outbox, clock, context,
            cancellationToken);

    public static Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Withdraw(
        Guid id, StatusChangeRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Reason, request.EffectiveDate, (o, d) => o.Withdraw(d), db, outbox, clock, context,
            cancellationToken);

    public static Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Reactivate(
        Guid id, StatusChangeRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken) =>
        ChangeAsync(id, request.Reason, request.EffectiveDate, (o, d) => o.Reactivate(d), db, outbox, clock, context,
            cancellationToken);

    public static async Task<Results<Ok<Paged<MembershipStatusChangeResponse>>, ProblemHttpResult>> History(
        Guid id, [AsParameters] PageQuery page, MembershipDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!user.MayAccessOrganization(Scopes.MembershipRead, id)
            || !await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound();
        }

        var result = await db.MembershipStatusChanges.AsNoTracking()
            .Where(c => c.OrganizationId == id)
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
            .Select(c => new MembershipStatusChangeResponse(c.Id, c.OldStatus, c.NewStatus, c.Reason, c.EffectiveDate,
                c.ChangedAt, c.ChangedBy))
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>Reasons speak of the organization; they must never carry a person's identifier.</summary>
    internal static ProblemHttpResult? GuardReason(string? reason) => IdentifierGuard.Check(("reason", reason));

    internal static MembershipDecision Decision(string? reason, DateOnly? effectiveDate, ClaimsPrincipal user,
        DateTimeOffset now) =>
        new(reason, effectiveDate ?? Organization.Today(now), user.ClientId(), now);

    /// <summary>The events a status change publishes: always the change, and the activation when it is the first.</summary>
    internal static void Publish(IOutbox outbox, Organization organization, MembershipStatusChange change)
    {
        if (change.OldStatus == MembershipStatus.Pending && change.NewStatus == MembershipStatus.Active)
        {
            outbox.Add(OrganizationEvents.Activated(organization, change));
        }

        outbox.Add(OrganizationEvents.StatusChanged(change));
    }

    private static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, string? reason, DateOnly? effectiveDate,
        Func<Organization, MembershipDecision, MembershipStatusChange> transition, MembershipDbContext db,
        IOutbox outbox, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, organization) is { } stale)
        {
            return stale;
        }

        if (GuardReason(reason) is { } refused)
        {
            return refused;
        }

        // The domain refuses an illegal transition (409) or a date out of range (422); nothing is recorded then.
        var change = transition(organization, Decision(reason, effectiveDate, context.User, clock.GetUtcNow()));
        Publish(outbox, organization, change);
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(organization);
        return TypedResults.Ok(OrganizationResponse.From(organization, maySeeAddress: true));
    }
}
