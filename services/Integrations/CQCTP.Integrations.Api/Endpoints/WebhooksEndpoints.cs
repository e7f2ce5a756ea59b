using System.Security.Claims;
using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Api.Domain;
using CQCTP.Integrations.Api.Webhooks;
using CQCTP.Integrations.Events;
using CQCTP.Primitives;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CQCTP.Integrations.Api.Endpoints;

/// <summary>
/// An integrator's webhook subscriptions (scope <c>integrations.manage</c>): its own only, another client's is a 404.
/// </summary>
public static class WebhooksEndpoints
{
    public const string Prefix = "/api/v1/integrations/webhooks";

    /// <summary>The <c>rule</c> of the 422 for a receiver whose host resolves to a refused (non-public) address.</summary>
    public const string AddressRefused = "webhook-address-refused";

    private static readonly Localized DuplicateUrl = new(
        "Vous avez déjà un abonnement à cette adresse.", "You already have a subscription to this URL.");

    private static readonly Localized HttpsRequired = new(
        "L'adresse doit être en https.", "The URL must use https.");

    private static readonly Localized UnknownEvent = new(
        "Cet événement n'existe pas dans le catalogue (/asyncapi.json).",
        "This event does not exist in the catalogue (/asyncapi.json).");

    private static readonly Localized PersonalEvent = new(
        "Cet événement porte des données personnelles : il n'est pas offert aux intégrateurs.",
        "This event carries personal data: it is not offered to integrators.");

    private static readonly Localized AddressRefusedMessage = new(
        "L'hôte de cette adresse ne se résout pas vers une adresse publique (adresses locales, privées, link-local et de métadonnées refusées).",
        "This URL's host does not resolve to a public address (loopback, private, link-local and metadata addresses are refused).");

    private static readonly HashSet<string> PublicEvents =
        [.. IntegrationEvents.Public.Select(t => t.Name)];

    private static readonly HashSet<string> PersonalEvents =
        [.. IntegrationEvents.All.Where(IntegrationEvents.IsPersonal).Select(t => t.Name)];

    public static IEndpointRouteBuilder MapWebhooksEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Webhooks").RequireAuthorization(Scopes.IntegrationsManage);
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", Create).WithName("CreateWebhook").WithIdempotency()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Abonner un webhook / Register a webhook");
        group.MapGet("/", List).WithName("ListWebhooks")
            .WithSummary("Lister mes webhooks / List my webhooks");
        group.MapGet("/{id:guid}", Get).WithName("GetWebhook").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Lire un webhook / Read a webhook");
        group.MapPut("/{id:guid}", Replace).WithName("ReplaceWebhook").RequireIfMatch()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Remplacer un webhook / Replace a webhook");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteWebhook").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Supprimer un webhook et son journal / Delete a webhook and its log");
        group.MapPost("/{id:guid}/rotate-secret", RotateSecret).WithName("RotateWebhookSecret").RequireIfMatch()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Changer le secret de signature / Rotate the signing secret");
        group.MapPost("/{id:guid}/enable", Enable).WithName("EnableWebhook").RequireIfMatch()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Réactiver un webhook désactivé / Enable a disabled webhook");
        group.MapGet("/{id:guid}/deliveries", Deliveries).WithName("ListWebhookDeliveries")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Journal des livraisons d'un webhook / A webhook's delivery log");
        return endpoints;
    }

    public static async Task<Results<Created<WebhookCreatedResponse>, ProblemHttpResult>> Create(
        WebhookRequest request, IntegrationsDbContext db, WebhookAddressGuard guard, TimeProvider clock,
        ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var client = user.ClientId() ?? "";
        if (await CheckAsync(request, guard, cancellationToken) is { } refused)
        {
            return refused;
        }

        var details = request.ToDetails();
        if (await UrlTakenAsync(db, client, details.Url, exceptId: null, cancellationToken))
        {
            return Duplicate();
        }

        var subscription = WebhookSubscription.Register(client, details, WebhookSecrets.New(), clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Duplicate();
        }

        response.SetETag(subscription);
        return TypedResults.Created($"{Prefix}/{subscription.Id}", WebhookCreatedResponse.From(subscription));
    }

    public static async Task<Ok<Paged<WebhookResponse>>> List([AsParameters] PageQuery page,
        IntegrationsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var client = user.ClientId() ?? "";
        var items = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.ClientId == client)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(new Paged<WebhookResponse>([.. items.Items.Select(WebhookResponse.From)], items.Page,
            items.PageSize, items.Total));
    }

    public static async Task<Results<Ok<WebhookResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid id, IntegrationsDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, context.User, tracking: false, cancellationToken) is not { } subscription)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfNoneMatch(context, subscription) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(WebhookResponse.From(subscription));
    }

    public static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Replace(Guid id,
        WebhookRequest request, IntegrationsDbContext db, WebhookAddressGuard guard, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, context.User, tracking: true, cancellationToken) is not { } subscription)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, subscription) is { } stale)
        {
            return stale;
        }

        if (await CheckAsync(request, guard, cancellationToken) is { } refused)
        {
            return refused;
        }

        var details = request.ToDetails();
        if (await UrlTakenAsync(db, subscription.ClientId, details.Url, subscription.Id, cancellationToken))
        {
            return Duplicate();
        }

        subscription.Update(details, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        context.Response.SetETag(subscription);
        return TypedResults.Ok(WebhookResponse.From(subscription));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, IntegrationsDbContext db,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, user, tracking: true, cancellationToken) is not { } subscription)
        {
            return ApiProblems.NotFound();
        }

        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<WebhookSecretResponse>, ProblemHttpResult>> RotateSecret(Guid id,
        IntegrationsDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, context.User, tracking: true, cancellationToken) is not { } subscription)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, subscription) is { } stale)
        {
            return stale;
        }

        subscription.RotateSecret(WebhookSecrets.New(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        context.Response.SetETag(subscription);
        return TypedResults.Ok(new WebhookSecretResponse(subscription.Secret));
    }

    public static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Enable(Guid id,
        IntegrationsDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, context.User, tracking: true, cancellationToken) is not { } subscription)
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfMatch(context.Request, subscription) is { } stale)
        {
            return stale;
        }

        subscription.Enable(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        context.Response.SetETag(subscription);
        return TypedResults.Ok(WebhookResponse.From(subscription));
    }

    public static async Task<Results<Ok<Paged<WebhookDeliveryResponse>>, ProblemHttpResult>> Deliveries(Guid id,
        [AsParameters] PageQuery page, IntegrationsDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, user, tracking: false, cancellationToken) is null)
        {
            return ApiProblems.NotFound();
        }

        var result = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new WebhookDeliveryResponse(d.Id, d.MessageId, d.EventType, d.Status, d.Attempts,
                d.LastStatusCode, d.LastError, d.NextAttemptAt, d.CreatedAt, d.DeliveredAt))
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>Event names, the scheme, the description, then the receiver's addresses (the SSRF guard).</summary>
    private static async Task<ProblemHttpResult?> CheckAsync(WebhookRequest request, WebhookAddressGuard guard,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, FieldError[]>();
        for (var i = 0; i < request.EventTypes.Count; i++)
        {
            var name = request.EventTypes[i];
            if (!PublicEvents.Contains(name))
            {
                var message = PersonalEvents.Contains(name) ? PersonalEvent : UnknownEvent;
                errors[$"eventTypes[{i}]"] = [new FieldError("unknown-event-type", message.Current)];
            }
        }

        var url = new Uri(request.Url);
        if (!guard.IsAllowedScheme(url))
        {
            errors["url"] = [new FieldError("https-required", HttpsRequired.Current)];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        if (IdentifierGuard.Check(("description", request.Description)) is { } identifier)
        {
            return identifier;
        }

        try
        {
            await guard.ResolveAsync(url.IdnHost, cancellationToken);
            return null;
        }
        catch (WebhookAddressRefusedException)
        {
            return ApiProblems.Rule(AddressRefused, AddressRefusedMessage);
        }
    }

    private static Task<WebhookSubscription?> FindAsync(IntegrationsDbContext db, Guid id, ClaimsPrincipal user,
        bool tracking, CancellationToken cancellationToken)
    {
        var client = user.ClientId() ?? "";
        var query = tracking ? db.WebhookSubscriptions : db.WebhookSubscriptions.AsNoTracking();
        return query.SingleOrDefaultAsync(s => s.Id == id && s.ClientId == client, cancellationToken);
    }

    private static Task<bool> UrlTakenAsync(IntegrationsDbContext db, string client, Uri url, Guid? exceptId,
        CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.AnyAsync(s => s.ClientId == client && s.Url == url.AbsoluteUri && s.Id != exceptId,
            cancellationToken);

    private static ProblemHttpResult Duplicate() => ApiProblems.Result(ProblemCatalog.Duplicate, DuplicateUrl.Current);
}
