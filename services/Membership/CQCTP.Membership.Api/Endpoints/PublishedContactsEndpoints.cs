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
/// The staff-managed allowlist of published organizational contacts (help lines, shared inboxes) that the identifier
/// guard lets organizations' texts print. Staff only, reading included.
/// </summary>
public static class PublishedContactsEndpoints
{
    public const string Prefix = "/api/v1/membership/published-contacts";

    private static readonly Localized DuplicateContact = new(
        "Ce contact est déjà publié (sous une autre graphie peut-être).",
        "This contact is already published (perhaps spelt differently).");

    public static IEndpointRouteBuilder MapPublishedContactsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Published contacts");
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", Create).WithName("CreatePublishedContact").WithIdempotency()
            .RequireAuthorization(Scopes.MembershipWrite).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Publier un contact d'organisme / Publish an organizational contact");
        group.MapGet("/", List).WithName("ListPublishedContacts").RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Lister les contacts publiés / List published contacts");
        group.MapGet("/{id:guid}", Get).WithName("GetPublishedContact").RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Lire un contact publié / Read a published contact");
        group.MapPut("/{id:guid}", Replace).WithName("ReplacePublishedContact").RequireIfMatch()
            .RequireAuthorization(Scopes.MembershipWrite).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Remplacer un contact publié / Replace a published contact");
        group.MapDelete("/{id:guid}", Delete).WithName("DeletePublishedContact").RequireIfMatch()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Retirer un contact publié / Remove a published contact");

        return endpoints;
    }

    public static async Task<Results<Created<PublishedContactResponse>, ProblemHttpResult>> Create(
        PublishedContactRequest request, MembershipDbContext db, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var contact = PublishedContact.Publish(request.Value, request.Label, clock.GetUtcNow());
        if (await TakenAsync(db, contact.NormalizedValue, exceptId: null, cancellationToken))
        {
            return ApiProblems.Result(ProblemCatalog.Duplicate, DuplicateContact.Current);
        }

        db.PublishedContacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);

        response.SetETag(contact);
        return TypedResults.Created($"{Prefix}/{contact.Id}", PublishedContactResponse.From(contact));
    }

    public static async Task<Ok<Paged<PublishedContactResponse>>> List(
        [AsParameters] PageQuery page, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var contacts = await db.PublishedContacts.AsNoTracking().OrderBy(c => c.Label.Fr).ThenBy(c => c.Id)
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(new Paged<PublishedContactResponse>([.. contacts.Items.Select(PublishedContactResponse.From)],
            contacts.Page, contacts.PageSize, contacts.Total));
    }

    public static async Task<Results<Ok<PublishedContactResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid id, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var contact = await db.PublishedContacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfNoneMatch(context, contact) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(PublishedContactResponse.From(contact));
    }

    public static async Task<Results<Ok<PublishedContactResponse>, ProblemHttpResult>> Replace(
        Guid id, PublishedContactRequest request, MembershipDbContext db, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var contact = await db.PublishedContacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, contact) is { } stale)
        {
            return stale;
        }

        contact.Update(request.Value, request.Label, clock.GetUtcNow());
        if (await TakenAsync(db, contact.NormalizedValue, contact.Id, cancellationToken))
        {
            return ApiProblems.Result(ProblemCatalog.Duplicate, DuplicateContact.Current);
        }

        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(contact);
        return TypedResults.Ok(PublishedContactResponse.From(contact));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var contact = await db.PublishedContacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, contact) is { } stale)
        {
            return stale;
        }

        db.PublishedContacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<bool> TakenAsync(MembershipDbContext db, string normalized, Guid? exceptId,
        CancellationToken cancellationToken) =>
        db.PublishedContacts.AnyAsync(c => c.NormalizedValue == normalized && c.Id != exceptId, cancellationToken);
}
