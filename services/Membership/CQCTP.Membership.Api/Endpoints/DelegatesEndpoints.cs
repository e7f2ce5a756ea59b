using System.Security.Claims;
using System.Text.Json;
using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Extensions;
using CQCTP.Messaging.Outbox;
using CQCTP.Primitives;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// An organization's delegates and their consents. Staff reach every organization's, a portal only its own (another
/// organization's answer 404); email and phone only go to <c>membership.contacts.read</c> or the own portal.
/// </summary>
public static class DelegatesEndpoints
{
    public const string Prefix = "/api/v1/membership/organizations/{organizationId:guid}/delegates";

    private static readonly Localized DuplicateEmail = new(
        "Un·e délégué·e de cette organisation a déjà cette adresse courriel.",
        "A delegate of this organization already has this email address.");

    public static IEndpointRouteBuilder MapDelegatesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Every answer may carry a person's name or contacts: no cache keeps them.
        var group = endpoints.MapApiGroup(Prefix, "Delegates");
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);
        group.ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Create).WithName("CreateDelegate").WithIdempotency()
            .RequireAuthorization(MembershipApi.ManageDelegates)
            .WithSummary("Nommer un·e délégué·e / Appoint a delegate");
        group.MapGet("/", List).WithName("ListDelegates").RequireAuthorization(MembershipApi.ReadDelegates)
            .WithSummary("Lister les délégué·es / List delegates");
        group.MapGet("/{id:guid}", Get).WithName("GetDelegate").RequireAuthorization(MembershipApi.ReadDelegates)
            .WithSummary("Lire un·e délégué·e / Read a delegate");
        group.MapPut("/{id:guid}", Replace).WithName("ReplaceDelegate").RequireIfMatch()
            .RequireAuthorization(MembershipApi.ManageDelegates)
            .WithSummary("Remplacer le profil / Replace the profile");
        group.MapPatch("/{id:guid}", Patch).WithName("PatchDelegate").RequireIfMatch().AcceptsMergePatch()
            .RequireAuthorization(MembershipApi.ManageDelegates)
            .WithSummary("Modifier en partie (merge patch) / Partial update (merge patch)");
        group.MapDelete("/{id:guid}", Remove).WithName("RemoveDelegate").RequireIfMatch()
            .RequireAuthorization(MembershipApi.ManageDelegates)
            .WithSummary("Retirer et effacer ses données personnelles / Remove and erase their personal data");
        group.MapPost("/{id:guid}/consents", GiveConsent).WithName("GiveConsent").WithIdempotency()
            .RequireAuthorization(MembershipApi.ManageDelegates)
            .WithSummary("Consigner un consentement / Record a consent");
        group.MapGet("/{id:guid}/consents", ListConsents).WithName("ListConsents")
            .RequireAuthorization(MembershipApi.ReadDelegates)
            .WithSummary("Historique des consentements / Consent history");
        group.MapGet("/{id:guid}/consents/{consentId:guid}", GetConsent).WithName("GetConsent")
            .RequireAuthorization(MembershipApi.ReadDelegates)
            .WithSummary("Lire un consentement consigné / Read a recorded consent");
        group.MapPost("/{id:guid}/consents/{purpose}/withdraw", WithdrawConsent).WithName("WithdrawConsent")
            .RequireIfMatch().RequireAuthorization(MembershipApi.ManageDelegates)
            .WithSummary("Consigner un retrait de consentement / Record a consent withdrawal");

        return endpoints;
    }

    public static async Task<Results<Created<DelegateResponse>, ProblemHttpResult>> Create(
        Guid organizationId, DelegateRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!await OrganizationVisibleAsync(db, context.User, Scopes.MembershipWrite, organizationId, cancellationToken))
        {
            return ApiProblems.NotFound();
        }

        if (await EmailTakenAsync(db, organizationId, request.Email, exceptId: null, cancellationToken))
        {
            return ApiProblems.Result(ProblemCatalog.Duplicate, DuplicateEmail.Current);
        }

        var appointed = MemberDelegate.Appoint(organizationId, request.ToDetails(), clock.GetUtcNow());
        db.Delegates.Add(appointed);
        outbox.Add(DelegateEvents.Added(appointed));
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(appointed);
        return TypedResults.Created(Location(organizationId, appointed.Id), DelegateResponse.From(appointed, withContacts: true));
    }

    public static async Task<Results<Ok<Paged<DelegateResponse>>, ProblemHttpResult>> List(
        Guid organizationId, [AsParameters] PageQuery page, MembershipDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!await OrganizationVisibleAsync(db, user, Scopes.MembershipRead, organizationId, cancellationToken))
        {
            return ApiProblems.NotFound();
        }

        var result = await db.Delegates.AsNoTracking()
            .Where(d => d.OrganizationId == organizationId && d.RemovedAt == null)
            .OrderBy(d => d.FullName).ThenBy(d => d.Id)
            .ToPagedAsync(page, cancellationToken);
        var withContacts = MaySeeContacts(user, organizationId);
        return TypedResults.Ok(new Paged<DelegateResponse>(
            [.. result.Items.Select(d => DelegateResponse.From(d, withContacts))], result.Page, result.PageSize, result.Total));
    }

    public static async Task<Results<Ok<DelegateResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid organizationId, Guid id, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db.Delegates.AsNoTracking(), context.User, Scopes.MembershipRead, organizationId, id,
            cancellationToken);
        if (found is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfNoneMatch(context, found) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(DelegateResponse.From(found, MaySeeContacts(context.User, organizationId)));
    }

    public static async Task<Results<Ok<DelegateResponse>, ProblemHttpResult>> Replace(
        Guid organizationId, Guid id, DelegateRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db.Delegates, context.User, Scopes.MembershipWrite, organizationId, id, cancellationToken);
        if (found is null)
        {
            return ApiProblems.NotFound();
        }

        return await ApplyAsync(found, request, db, outbox, clock, context, cancellationToken);
    }

    public static async Task<Results<Ok<DelegateResponse>, ProblemHttpResult>> Patch(
        Guid organizationId, Guid id, JsonElement patch, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db.Delegates, context.User, Scopes.MembershipWrite, organizationId, id, cancellationToken);
        if (found is null)
        {
            return ApiProblems.NotFound();
        }

        if (MergePatch.TryApply(DelegateRequest.From(found), patch, out var request) is { } invalid)
        {
            return invalid;
        }

        return await ApplyAsync(found, request, db, outbox, clock, context, cancellationToken);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid organizationId, Guid id, MembershipDbContext db, IOutbox outbox, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var found = await FindAsync(db.Delegates, context.User, Scopes.MembershipWrite, organizationId, id, cancellationToken);
        if (found is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, found) is { } stale)
        {
            return stale;
        }

        var now = clock.GetUtcNow();
        found.Remove(now);
        // A removed delegate sits on no committee any more; each seat ends with its own event.
        var seats = await db.CommitteeMembers.Where(m => m.DelegateId == id).ToListAsync(cancellationToken);
        foreach (var seat in seats)
        {
            db.CommitteeMembers.Remove(seat);
            outbox.Add(CommitteeEvents.Changed(seat, CommitteeEvents.Left, now));
        }

        outbox.Add(DelegateEvents.Removed(found));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<ConsentResponse>, ProblemHttpResult>> GiveConsent(
        Guid organizationId, Guid id, ConsentRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db.Delegates, context.User, Scopes.MembershipWrite, organizationId, id, cancellationToken);
        if (found is null)
        {
            return ApiProblems.NotFound();
        }

        var consent = found.GiveConsent(request.Purpose!.Value, request.TextVersion, request.ShowEmail ?? false,
            request.ShowPhone ?? false, RecordedBy(context.User), clock.GetUtcNow());
        db.DelegateConsents.Add(consent);
        outbox.Add(DelegateEvents.ConsentGiven(found, consent));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"{Location(organizationId, id)}/consents/{consent.Id}", ConsentResponse.From(consent));
    }

    public static async Task<Results<Ok<Paged<ConsentResponse>>, ProblemHttpResult>> ListConsents(
        Guid organizationId, Guid id, [AsParameters] PageQuery page, MembershipDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(db.Delegates.AsNoTracking(), user, Scopes.MembershipRead, organizationId, id, cancellationToken) is null)
        {
            return ApiProblems.NotFound();
        }

        var result = await db.DelegateConsents.AsNoTracking()
            .Where(c => c.DelegateId == id)
            .OrderBy(c => c.RecordedAt).ThenBy(c => c.Id)
            .Select(c => new ConsentResponse(c.Id, c.DelegateId, c.Purpose, c.Action, c.TextVersion, c.ShowEmail,
                c.ShowPhone, c.RecordedAt))
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<ConsentResponse>, ProblemHttpResult>> GetConsent(
        Guid organizationId, Guid id, Guid consentId, MembershipDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(db.Delegates.AsNoTracking(), user, Scopes.MembershipRead, organizationId, id, cancellationToken) is null)
        {
            return ApiProblems.NotFound();
        }

        var consent = await db.DelegateConsents.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == consentId && c.DelegateId == id, cancellationToken);
        return consent is null ? ApiProblems.NotFound() : TypedResults.Ok(ConsentResponse.From(consent));
    }

    /// <summary>
    /// Staff record a withdrawal a delegate asked for (or a newsletter unsubscribe reported to them); a portal records
    /// its own delegates'. The answer is the delegate, with its new ETag.
    /// </summary>
    public static async Task<Results<Ok<DelegateResponse>, ProblemHttpResult>> WithdrawConsent(
        Guid organizationId, Guid id, string purpose, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db.Delegates, context.User, Scopes.MembershipWrite, organizationId, id, cancellationToken);
        if (found is null || ConsentPurposeNames.Parse(purpose) is not { } parsed)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, found) is { } stale)
        {
            return stale;
        }

        var withdrawal = found.WithdrawConsent(parsed, RecordedBy(context.User), clock.GetUtcNow());
        db.DelegateConsents.Add(withdrawal);
        outbox.Add(DelegateEvents.ConsentWithdrawn(found, withdrawal));
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(found);
        return TypedResults.Ok(DelegateResponse.From(found, withContacts: true));
    }

    private static async Task<Results<Ok<DelegateResponse>, ProblemHttpResult>> ApplyAsync(
        MemberDelegate found, DelegateRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        // The row version we compare is the one EF will check on save, so a change committed in between is a 412 too.
        if (Preconditions.CheckIfMatch(context.Request, found) is { } stale)
        {
            return stale;
        }

        if (await EmailTakenAsync(db, found.OrganizationId, request.Email, found.Id, cancellationToken))
        {
            return ApiProblems.Result(ProblemCatalog.Duplicate, DuplicateEmail.Current);
        }

        found.Update(request.ToDetails(), clock.GetUtcNow());
        outbox.Add(DelegateEvents.Updated(found));
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(found);
        return TypedResults.Ok(DelegateResponse.From(found, withContacts: true));
    }

    /// <summary>Staff with the contacts scope, or the portal of the delegate's own organization.</summary>
    internal static bool MaySeeContacts(ClaimsPrincipal user, Guid organizationId) =>
        user.HasScope(Scopes.MembershipContactsRead) || user.OrganizationId() == organizationId;

    private static Task<MemberDelegate?> FindAsync(IQueryable<MemberDelegate> delegates, ClaimsPrincipal user,
        string everyOrganizationScope, Guid organizationId, Guid id, CancellationToken cancellationToken) =>
        user.MayAccessOrganization(everyOrganizationScope, organizationId)
            ? delegates.SingleOrDefaultAsync(
                d => d.Id == id && d.OrganizationId == organizationId && d.RemovedAt == null, cancellationToken)
            : Task.FromResult<MemberDelegate?>(null);

    private static async Task<bool> OrganizationVisibleAsync(MembershipDbContext db, ClaimsPrincipal user,
        string everyOrganizationScope, Guid organizationId, CancellationToken cancellationToken) =>
        user.MayAccessOrganization(everyOrganizationScope, organizationId)
        && await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken);

    private static Task<bool> EmailTakenAsync(MembershipDbContext db, Guid organizationId, string email, Guid? exceptId,
        CancellationToken cancellationToken)
    {
        var normalized = MemberDelegate.NormalizeEmail(email);
        return db.Delegates.AnyAsync(
            d => d.OrganizationId == organizationId && d.NormalizedEmail == normalized && d.Id != exceptId, cancellationToken);
    }

    private static string RecordedBy(ClaimsPrincipal user) => user.ClientId() ?? "unknown";

    private static string Location(Guid organizationId, Guid id) =>
        $"/api/v1/membership/organizations/{organizationId}/delegates/{id}";
}
