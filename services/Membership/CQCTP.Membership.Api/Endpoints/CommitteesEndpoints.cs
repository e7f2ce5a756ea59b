using System.Security.Claims;
using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Extensions;
using CQCTP.Messaging.Outbox;
using CQCTP.Primitives;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>The coalition's committees and their members (delegates with a role and a term). Staff change them.</summary>
public static class CommitteesEndpoints
{
    public const string Prefix = "/api/v1/membership/committees";

    /// <summary>The <c>rule</c> of the 422 when the delegate to seat does not exist (or was removed).</summary>
    public const string UnknownDelegate = "unknown-delegate";

    private static readonly Localized UnknownDelegateMessage = new(
        "Aucun·e délégué·e ne porte cet identifiant.", "No delegate has this id.");

    private static readonly Localized DuplicateSeat = new(
        "Ce ou cette délégué·e siège déjà à ce comité.", "This delegate already sits on this committee.");

    public static IEndpointRouteBuilder MapCommitteesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Committees");
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", Create).WithName("CreateCommittee").WithIdempotency()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Créer un comité / Create a committee");
        group.MapGet("/", List).WithName("ListCommittees").RequireAuthorization(MembershipApi.ReadCommittees)
            .WithSummary("Lister les comités / List committees");
        group.MapGet("/{id:guid}", Get).WithName("GetCommittee").RequireAuthorization(MembershipApi.ReadCommittees)
            .WithSummary("Lire un comité / Read a committee");
        group.MapPut("/{id:guid}", Replace).WithName("ReplaceCommittee").RequireIfMatch()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Remplacer un comité / Replace a committee");
        group.MapGet("/{id:guid}/members", ListMembers).WithName("ListCommitteeMembers")
            .RequireAuthorization(MembershipApi.ReadCommittees)
            .WithSummary("Lister les membres d'un comité / List a committee's members");
        group.MapPost("/{id:guid}/members", AddMember).WithName("AddCommitteeMember").WithIdempotency()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Ajouter un·e délégué·e au comité / Seat a delegate on the committee");
        group.MapGet("/{id:guid}/members/{delegateId:guid}", GetMember).WithName("GetCommitteeMember")
            .RequireAuthorization(MembershipApi.ReadCommittees)
            .WithSummary("Lire un siège / Read a seat");
        group.MapPut("/{id:guid}/members/{delegateId:guid}", ChangeMember).WithName("ChangeCommitteeMember")
            .RequireIfMatch().RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Changer le rôle ou le mandat / Change the role or term");
        group.MapDelete("/{id:guid}/members/{delegateId:guid}", RemoveMember).WithName("RemoveCommitteeMember")
            .RequireIfMatch().RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Retirer du comité / Remove from the committee");

        return endpoints;
    }

    public static async Task<Created<CommitteeResponse>> Create(CommitteeRequest request, MembershipDbContext db,
        TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var committee = Committee.Create(request.Kind!.Value, request.Name!, clock.GetUtcNow());
        db.Committees.Add(committee);
        await db.SaveChangesAsync(cancellationToken);

        response.SetETag(committee);
        return TypedResults.Created($"{Prefix}/{committee.Id}", CommitteeResponse.From(committee));
    }

    public static async Task<Ok<Paged<CommitteeResponse>>> List([AsParameters] PageQuery page, MembershipDbContext db,
        CancellationToken cancellationToken, [FromQuery] CommitteeKind? kind = null)
    {
        var query = db.Committees.AsNoTracking();
        if (kind is { } wanted)
        {
            query = query.Where(c => c.Kind == wanted);
        }

        var result = await query.OrderBy(c => c.Name.Fr).ThenBy(c => c.Id)
            .Select(c => new CommitteeResponse(c.Id, c.Kind, c.Name, c.CreatedAt, c.UpdatedAt))
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<CommitteeResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid id, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (committee is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfNoneMatch(context, committee) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(CommitteeResponse.From(committee));
    }

    public static async Task<Results<Ok<CommitteeResponse>, ProblemHttpResult>> Replace(
        Guid id, CommitteeRequest request, MembershipDbContext db, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var committee = await db.Committees.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (committee is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, committee) is { } stale)
        {
            return stale;
        }

        committee.Update(request.Kind!.Value, request.Name!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(committee);
        return TypedResults.Ok(CommitteeResponse.From(committee));
    }

    public static async Task<Results<Ok<Paged<CommitteeMemberResponse>>, ProblemHttpResult>> ListMembers(
        Guid id, [AsParameters] PageQuery page, MembershipDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!await db.Committees.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound();
        }

        var result = await Members(db, user, id).ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<CommitteeMemberResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetMember(
        Guid id, Guid delegateId, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var seat = await db.CommitteeMembers.AsNoTracking()
            .SingleOrDefaultAsync(m => m.CommitteeId == id && m.DelegateId == delegateId, cancellationToken);
        if (seat is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfNoneMatch(context, seat) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(await Members(db, context.User, id, delegateId).SingleAsync(cancellationToken));
    }

    public static async Task<Results<Created<CommitteeMemberResponse>, ProblemHttpResult>> AddMember(
        Guid id, CommitteeMemberRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!await db.Committees.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound();
        }

        var delegateId = request.DelegateId!.Value;
        var person = await db.Delegates.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == delegateId && d.RemovedAt == null, cancellationToken);
        if (person is null)
        {
            return ApiProblems.Rule(UnknownDelegate, UnknownDelegateMessage);
        }

        var now = clock.GetUtcNow();
        var seat = CommitteeMember.Seat(id, delegateId, request.Role!.Value, request.TermStart!.Value, request.TermEnd, now);
        if (await db.CommitteeMembers.AnyAsync(m => m.CommitteeId == id && m.DelegateId == delegateId, cancellationToken))
        {
            return ApiProblems.Result(ProblemCatalog.Duplicate, DuplicateSeat.Current);
        }

        db.CommitteeMembers.Add(seat);
        outbox.Add(CommitteeEvents.Changed(seat, CommitteeEvents.Joined, now));
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(seat);
        return TypedResults.Created($"{Prefix}/{id}/members/{delegateId}", new CommitteeMemberResponse(
            id, delegateId, person.OrganizationId, person.FullName, seat.Role, seat.TermStart, seat.TermEnd));
    }

    public static async Task<Results<Ok<CommitteeMemberResponse>, ProblemHttpResult>> ChangeMember(
        Guid id, Guid delegateId, CommitteeSeatRequest request, MembershipDbContext db, IOutbox outbox,
        TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var seat = await db.CommitteeMembers
            .SingleOrDefaultAsync(m => m.CommitteeId == id && m.DelegateId == delegateId, cancellationToken);
        if (seat is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, seat) is { } stale)
        {
            return stale;
        }

        var now = clock.GetUtcNow();
        seat.Change(request.Role!.Value, request.TermStart!.Value, request.TermEnd, now);
        outbox.Add(CommitteeEvents.Changed(seat, CommitteeEvents.Updated, now));
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(seat);
        return TypedResults.Ok(await Members(db, context.User, id, delegateId).SingleAsync(cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveMember(
        Guid id, Guid delegateId, MembershipDbContext db, IOutbox outbox, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var seat = await db.CommitteeMembers
            .SingleOrDefaultAsync(m => m.CommitteeId == id && m.DelegateId == delegateId, cancellationToken);
        if (seat is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, seat) is { } stale)
        {
            return stale;
        }

        db.CommitteeMembers.Remove(seat);
        outbox.Add(CommitteeEvents.Changed(seat, CommitteeEvents.Left, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Seats with their delegate's name. A portal sees another organization's delegate's name only when the delegate
    /// is listed in the members directory, the one place a portal meets another member's people.
    /// </summary>
    private static IQueryable<CommitteeMemberResponse> Members(MembershipDbContext db, ClaimsPrincipal user,
        Guid committeeId, Guid? delegateId = null)
    {
        var own = user.OnlyOwnOrganization(Scopes.MembershipRead);
        var everyName = own is null;
        return from m in db.CommitteeMembers.AsNoTracking()
               join d in db.Delegates.AsNoTracking() on m.DelegateId equals d.Id
               where m.CommitteeId == committeeId && (delegateId == null || m.DelegateId == delegateId)
               orderby m.TermStart, m.DelegateId
               select new CommitteeMemberResponse(m.CommitteeId, m.DelegateId, d.OrganizationId,
                   everyName || d.OrganizationId == own || d.ListedInDirectory ? d.FullName : null,
                   m.Role, m.TermStart, m.TermEnd);
    }
}
