using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Extensions;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// General assemblies: staff plan, convene, open and close them, take attendance, and record resolutions and votes.
/// Members (portals), staff and integrators read them.
/// </summary>
public static class AssembliesEndpoints
{
    public const string Prefix = "/api/v1/membership/assemblies";

    public static IEndpointRouteBuilder MapAssembliesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Assemblies");
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", Plan).WithName("PlanAssembly").WithIdempotency().RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Planifier une assemblée générale / Plan a general assembly");
        group.MapGet("/", List).WithName("ListAssemblies").RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Lister les assemblées / List assemblies");
        group.MapGet("/{id:guid}", Get).WithName("GetAssembly").RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Lire une assemblée / Read an assembly");
        group.MapPut("/{id:guid}", Replan).WithName("ReplanAssembly").RequireIfMatch()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Modifier une assemblée avant son ouverture / Change an assembly before it opens");
        group.MapPost("/{id:guid}/convene", Convene).WithName("ConveneAssembly").RequireIfMatch()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Convoquer (la convocation est envoyée) / Convene (the convocation is sent)");
        group.MapPost("/{id:guid}/open", Open).WithName("OpenAssembly").RequireIfMatch()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Ouvrir la séance / Open the session");
        group.MapPost("/{id:guid}/close", Close).WithName("CloseAssembly").RequireIfMatch()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Clore l'assemblée / Close the assembly");

        group.MapGet("/{id:guid}/attendance", ListAttendance).WithName("ListAttendance")
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Lister les présences / List attendance");
        group.MapPost("/{id:guid}/attendance", RecordAttendance).WithName("RecordAttendance")
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Inscrire une personne déléguée présente / Record a delegate present");
        group.MapDelete("/{id:guid}/attendance/{delegateId:guid}", RemoveAttendance).WithName("RemoveAttendance")
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Retirer une présence (départ) / Remove an attendance (left)");
        group.MapGet("/{id:guid}/quorum", GetQuorum).WithName("GetQuorum")
            .RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Quorum en ce moment / Quorum now");

        group.MapPost("/{id:guid}/resolutions", Propose).WithName("ProposeResolution").WithIdempotency()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Proposer une résolution / Propose a resolution");
        group.MapGet("/{id:guid}/resolutions", ListResolutions).WithName("ListResolutions")
            .RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Lister les résolutions et leurs résultats / List resolutions and their results");
        group.MapGet("/{id:guid}/resolutions/{resolutionId:guid}", GetResolution).WithName("GetResolution")
            .RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Lire une résolution / Read a resolution");
        group.MapPost("/{id:guid}/resolutions/{resolutionId:guid}/open-voting", OpenVoting).WithName("OpenVoting")
            .RequireIfMatch().RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Mettre aux voix / Open the vote");
        group.MapPost("/{id:guid}/resolutions/{resolutionId:guid}/votes", CastVote).WithName("CastVote")
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Inscrire le vote d'une organisation / Record an organization's vote");
        group.MapPost("/{id:guid}/resolutions/{resolutionId:guid}/decide", Decide).WithName("DecideResolution")
            .RequireIfMatch().RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Dépouiller le vote / Count the vote");
        return endpoints;
    }

    public static async Task<Created<AssemblyResponse>> Plan(
        AssemblyRequest request, MembershipDbContext db, TimeProvider clock, IOptions<AssemblySettings> settings,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var assembly = GeneralAssembly.Plan(request.ToDetails(settings.Value.DefaultQuorumPercent), clock.GetUtcNow());
        db.Assemblies.Add(assembly);
        await db.SaveChangesAsync(cancellationToken);
        response.SetETag(assembly);
        return TypedResults.Created($"{Prefix}/{assembly.Id}", AssemblyResponse.From(assembly));
    }

    public static async Task<Ok<Paged<AssemblyResponse>>> List(
        [AsParameters] PageQuery page, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var assemblies = await db.Assemblies.AsNoTracking().OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id)
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(new Paged<AssemblyResponse>(
            [.. assemblies.Items.Select(AssemblyResponse.From)], assemblies.Page, assemblies.PageSize, assemblies.Total));
    }

    public static async Task<Results<Ok<AssemblyResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid id, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var assembly = await db.Assemblies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assembly is null)
        {
            return ApiProblems.NotFound();
        }

        return Preconditions.CheckIfNoneMatch(context, assembly) is { } notModified
            ? notModified
            : TypedResults.Ok(AssemblyResponse.From(assembly));
    }

    public static Task<Results<Ok<AssemblyResponse>, ProblemHttpResult>> Replan(
        Guid id, AssemblyRequest request, MembershipDbContext db, TimeProvider clock,
        IOptions<AssemblySettings> settings, HttpContext context, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, context, a => a.Update(request.ToDetails(settings.Value.DefaultQuorumPercent), clock.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<AssemblyResponse>, ProblemHttpResult>> Convene(
        Guid id, MembershipDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, context, a => a.Convene(clock.GetUtcNow()), cancellationToken);

    public static Task<Results<Ok<AssemblyResponse>, ProblemHttpResult>> Open(
        Guid id, MembershipDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, context, a => a.Open(clock.GetUtcNow()), cancellationToken);

    public static async Task<Results<Ok<AssemblyResponse>, ProblemHttpResult>> Close(
        Guid id, MembershipDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var resolutions = await db.Resolutions.AsNoTracking().Where(r => r.AssemblyId == id).ToListAsync(cancellationToken);
        return await ChangeAsync(id, db, context, a => a.Close(resolutions, clock.GetUtcNow()), cancellationToken);
    }

    public static async Task<Results<Ok<IReadOnlyList<AttendanceResponse>>, ProblemHttpResult>> ListAttendance(
        Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Assemblies.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound();
        }

        var present = await db.AssemblyAttendance.AsNoTracking().Where(a => a.AssemblyId == id)
            .OrderBy(a => a.RecordedAt)
            .Select(a => new AttendanceResponse(a.DelegateId, a.OrganizationId, a.RecordedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AttendanceResponse>>(present);
    }

    public static async Task<Results<Created<AttendanceResponse>, ProblemHttpResult>> RecordAttendance(
        Guid id, AttendanceRequest request, MembershipDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var assembly = await db.Assemblies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var delegateOrganization = await db.Delegates.AsNoTracking()
            .Where(d => d.Id == request.DelegateId && d.RemovedAt == null)
            .Select(d => (Guid?)d.OrganizationId).SingleOrDefaultAsync(cancellationToken);
        if (assembly is null || delegateOrganization is not { } organizationId)
        {
            return ApiProblems.NotFound();
        }

        // Present twice is a 409 duplicate (the primary key), not a second line.
        var attendance = assembly.RecordAttendance(request.DelegateId!.Value, organizationId, clock.GetUtcNow());
        db.AssemblyAttendance.Add(attendance);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{Prefix}/{id}/attendance/{attendance.DelegateId}",
            new AttendanceResponse(attendance.DelegateId, attendance.OrganizationId, attendance.RecordedAt));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAttendance(
        Guid id, Guid delegateId, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var removed = await db.AssemblyAttendance.Where(a => a.AssemblyId == id && a.DelegateId == delegateId)
            .ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? ApiProblems.NotFound() : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<QuorumResponse>, ProblemHttpResult>> GetQuorum(
        Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var assembly = await db.Assemblies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return assembly is null
            ? ApiProblems.NotFound()
            : TypedResults.Ok(QuorumResponse.From(await AssemblyVoters.QuorumAsync(db, assembly, cancellationToken)));
    }

    public static async Task<Results<Created<ResolutionResponse>, ProblemHttpResult>> Propose(
        Guid id, ResolutionRequest request, MembershipDbContext db, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        // Help lines and the coalition's published contacts may be printed; a person's identifier may not.
        var allowed = await ContactAllowlist.ForOrganizationAsync(db, null, null, cancellationToken);
        if (IdentifierGuard.Check(allowed, ("text.fr", request.Text?.Fr), ("text.en", request.Text?.En)) is { } refused)
        {
            return refused;
        }

        var assembly = await db.Assemblies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assembly is null)
        {
            return ApiProblems.NotFound();
        }

        // Numbers follow the order of proposal; two at once collide on the unique index (409) rather than share one.
        var number = 1 + (await db.Resolutions.Where(r => r.AssemblyId == id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0);
        var resolution = assembly.Propose(number, request.Text!, clock.GetUtcNow());
        db.Resolutions.Add(resolution);
        await db.SaveChangesAsync(cancellationToken);
        response.SetETag(resolution);
        return TypedResults.Created($"{Prefix}/{id}/resolutions/{resolution.Id}", ResolutionResponse.From(resolution));
    }

    public static async Task<Results<Ok<IReadOnlyList<ResolutionResponse>>, ProblemHttpResult>> ListResolutions(
        Guid id, MembershipDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Assemblies.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound();
        }

        var resolutions = await db.Resolutions.AsNoTracking().Include(r => r.Votes).Where(r => r.AssemblyId == id)
            .OrderBy(r => r.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ResolutionResponse>>([.. resolutions.Select(ResolutionResponse.From)]);
    }

    public static async Task<Results<Ok<ResolutionResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetResolution(
        Guid id, Guid resolutionId, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var resolution = await db.Resolutions.AsNoTracking().Include(r => r.Votes)
            .SingleOrDefaultAsync(r => r.Id == resolutionId && r.AssemblyId == id, cancellationToken);
        if (resolution is null)
        {
            return ApiProblems.NotFound();
        }

        return Preconditions.CheckIfNoneMatch(context, resolution) is { } notModified
            ? notModified
            : TypedResults.Ok(ResolutionResponse.From(resolution));
    }

    public static async Task<Results<Ok<ResolutionResponse>, ProblemHttpResult>> OpenVoting(
        Guid id, Guid resolutionId, MembershipDbContext db, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var assembly = await db.Assemblies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var resolution = await db.Resolutions.Include(r => r.Votes)
            .SingleOrDefaultAsync(r => r.Id == resolutionId && r.AssemblyId == id, cancellationToken);
        if (assembly is null || resolution is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, resolution) is { } stale)
        {
            return stale;
        }

        resolution.OpenVoting(assembly, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        context.Response.SetETag(resolution);
        return TypedResults.Ok(ResolutionResponse.From(resolution));
    }

    public static async Task<Results<Created<VoteResponse>, ProblemHttpResult>> CastVote(
        Guid id, Guid resolutionId, VoteRequest request, MembershipDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var assembly = await db.Assemblies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var resolution = await db.Resolutions.Include(r => r.Votes)
            .SingleOrDefaultAsync(r => r.Id == resolutionId && r.AssemblyId == id, cancellationToken);
        var voter = await db.Delegates.AsNoTracking()
            .Where(d => d.Id == request.DelegateId && d.RemovedAt == null)
            .Select(d => new { d.Id, d.OrganizationId }).SingleOrDefaultAsync(cancellationToken);
        if (assembly is null || resolution is null || voter is null)
        {
            return ApiProblems.NotFound();
        }

        var ballot = new Ballot(
            voter.OrganizationId,
            voter.Id,
            request.Choice!.Value,
            OrganizationMayVote: await AssemblyVoters.VotingOrganizations(db, assembly)
                .AnyAsync(o => o == voter.OrganizationId, cancellationToken),
            DelegatePresent: await db.AssemblyAttendance
                .AnyAsync(a => a.AssemblyId == id && a.DelegateId == voter.Id, cancellationToken),
            Quorum: await AssemblyVoters.QuorumAsync(db, assembly, cancellationToken));
        // Two votes of one organization at once: the second fails on the unique index (409), never counts twice.
        var vote = resolution.Cast(assembly, ballot, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{Prefix}/{id}/resolutions/{resolutionId}", VoteResponse.From(vote));
    }

    public static async Task<Results<Ok<ResolutionResponse>, ProblemHttpResult>> Decide(
        Guid id, Guid resolutionId, MembershipDbContext db, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var resolution = await db.Resolutions.Include(r => r.Votes)
            .SingleOrDefaultAsync(r => r.Id == resolutionId && r.AssemblyId == id, cancellationToken);
        if (resolution is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, resolution) is { } stale)
        {
            return stale;
        }

        resolution.Decide(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        context.Response.SetETag(resolution);
        return TypedResults.Ok(ResolutionResponse.From(resolution));
    }

    private static async Task<Results<Ok<AssemblyResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, MembershipDbContext db, HttpContext context, Action<GeneralAssembly> change,
        CancellationToken cancellationToken)
    {
        var assembly = await db.Assemblies.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assembly is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, assembly) is { } stale)
        {
            return stale;
        }

        change(assembly);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.SetETag(assembly);
        return TypedResults.Ok(AssemblyResponse.From(assembly));
    }
}
