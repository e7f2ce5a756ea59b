using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;
using CQCTP.Identity.Api.Broker;
using CQCTP.Identity.Api.Data;
using CQCTP.Identity.Api.Domain;
using CQCTP.Primitives;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Identity.Api.Endpoints;

/// <summary>The admin API (<c>identity.admin</c>): register clients, rotate and revoke their secrets, revoke clients.</summary>
public static class ClientsEndpoints
{
    public const string Prefix = "/api/v1/identity/clients";

    private static readonly Localized ScopeNotAllowed = new(
        "Ce type de client ne peut pas recevoir ces portées.", "This kind of client may not hold these scopes.");
    private static readonly Localized OrganizationRule = new(
        "Un client portail, et lui seul, agit pour une organisation membre.",
        "A portal client, and only a portal client, acts for a member organization.");
    private static readonly Localized ClientTaken = new(
        "Un client porte déjà cet identifiant.", "A client with this id already exists.");
    private static readonly Localized ClientRevoked = new(
        "Ce client est révoqué.", "This client is revoked.");

    public static IEndpointRouteBuilder MapClientsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Answers carry client secrets (shown once) and who holds which access: no cache may keep them.
        var group = endpoints.MapApiGroup(Prefix, "Clients").RequireAuthorization(Scopes.IdentityAdmin);
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", Register).WithName("RegisterClient")
            .WithSummary("Inscrire un client / Register a client");
        group.MapGet("/", List).WithName("ListClients")
            .WithSummary("Lister les clients / List clients");
        group.MapGet("/{clientId}", Get).WithName("GetClient")
            .WithSummary("Lire un client / Read a client");
        group.MapPost("/{clientId}/secrets", Rotate).WithName("RotateClientSecret")
            .WithSummary("Émettre un nouveau secret (l'ancien reste valide 24 h) / Rotate the secret (old one valid 24 h)");
        group.MapDelete("/{clientId}/secrets/{secretId:guid}", RevokeSecret).WithName("RevokeClientSecret")
            .WithSummary("Révoquer un secret / Revoke a secret");
        group.MapPost("/{clientId}/revoke", Revoke).WithName("RevokeClient")
            .WithSummary("Révoquer le client / Revoke the client");
        return endpoints;
    }

    public static async Task<Results<Created<IssuedSecretResponse>, ProblemHttpResult>> Register(
        RegisterClientRequest request, IdentityDbContext db, IntegratorBrokerAccounts brokerAccounts, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Kind is not { } kind)
        {
            // The request validation refuses this before the handler runs; a missing kind must never mean staff.
            return ApiProblems.Validation(new Dictionary<string, FieldError[]>
            {
                ["kind"] = [ValidationMessages.Error(ValidationMessages.Required)],
            });
        }

        IReadOnlyList<string?> requested = request.Scopes ?? ClientScopes.AllowedFor(kind);
        if (ClientRules.ScopeErrors(requested) is { Count: > 0 } scopeErrors)
        {
            return ApiProblems.Validation(scopeErrors);
        }

        string[] scopes = [.. requested.OfType<string>()];
        if (ClientRules.NotAllowed(kind, scopes) is { Count: > 0 } refused)
        {
            var names = string.Join(", ", refused);
            return ApiProblems.Rule("scope-not-allowed", new($"{ScopeNotAllowed.Fr} ({names})", $"{ScopeNotAllowed.En} ({names})"));
        }

        if (!ClientRules.OrganizationFits(kind, request.OrganizationId))
        {
            return ApiProblems.Rule("portal-organization", OrganizationRule);
        }

        if (await db.Clients.AnyAsync(c => c.ClientId == request.ClientId, cancellationToken))
        {
            return ApiProblems.Result(ProblemCatalog.Duplicate, ClientTaken.Current);
        }

        var secret = Client.NewSecret();
        var client = Client.Register(request.ClientId, request.DisplayName.Trim(), kind, scopes,
            request.OrganizationId, secret, clock.GetUtcNow());
        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        await brokerAccounts.ApplyAsync(client, cancellationToken);

        return TypedResults.Created($"{Prefix}/{client.ClientId}",
            new IssuedSecretResponse(client.ClientId, client.Secrets[0].Id, secret, ClientResponse.From(client)));
    }

    public static async Task<Ok<Paged<ClientResponse>>> List([AsParameters] PageQuery page, IdentityDbContext db,
        CancellationToken cancellationToken)
    {
        var result = await db.Clients.AsNoTracking().Include(c => c.Secrets)
            .OrderBy(c => c.ClientId)
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(new Paged<ClientResponse>([.. result.Items.Select(ClientResponse.From)],
            result.Page, result.PageSize, result.Total));
    }

    public static async Task<Results<Ok<ClientResponse>, ProblemHttpResult>> Get(string clientId, IdentityDbContext db,
        CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().Include(c => c.Secrets)
            .SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        return client is null ? ApiProblems.NotFound() : TypedResults.Ok(ClientResponse.From(client));
    }

    public static async Task<Results<Created<IssuedSecretResponse>, ProblemHttpResult>> Rotate(string clientId,
        IdentityDbContext db, IntegratorBrokerAccounts brokerAccounts, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var client = await db.Clients.Include(c => c.Secrets)
            .SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (client is null)
        {
            return ApiProblems.NotFound();
        }

        if (client.RevokedAt is not null)
        {
            return ApiProblems.Result(ProblemCatalog.Conflict, ClientRevoked.Current);
        }

        var secret = Client.NewSecret();
        var added = client.Rotate(secret, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await brokerAccounts.ApplyAsync(client, cancellationToken);

        return TypedResults.Created($"{Prefix}/{client.ClientId}",
            new IssuedSecretResponse(client.ClientId, added.Id, secret, ClientResponse.From(client)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeSecret(string clientId, Guid secretId,
        IdentityDbContext db, IntegratorBrokerAccounts brokerAccounts, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var client = await db.Clients.Include(c => c.Secrets)
            .SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (client is null || !client.RevokeSecret(secretId, clock.GetUtcNow()))
        {
            return ApiProblems.NotFound();
        }

        await db.SaveChangesAsync(cancellationToken);
        await brokerAccounts.ApplyAsync(client, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string clientId, IdentityDbContext db,
        IntegratorBrokerAccounts brokerAccounts, TimeProvider clock, CancellationToken cancellationToken)
    {
        var client = await db.Clients.Include(c => c.Secrets)
            .SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (client is null)
        {
            return ApiProblems.NotFound();
        }

        client.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        // Removes its broker user and closes its open connections: revocation reaches the broker at once.
        await brokerAccounts.ApplyAsync(client, cancellationToken);
        return TypedResults.NoContent();
    }
}
