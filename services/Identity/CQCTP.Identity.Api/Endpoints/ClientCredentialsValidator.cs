using CQCTP.Identity.Api.Data;
using CQCTP.Identity.Api.Domain;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CQCTP.Identity.Api.Endpoints;

/// <summary>
/// Authenticates a token request's client against the secrets table (hashed; a rotated secret keeps working during
/// its grace period; a revoked client or secret never does), refuses a client whose stored registration breaks
/// <see cref="ClientRules"/>, and refuses scopes the client does not hold.
/// </summary>
public sealed class ClientCredentialsValidator(IdentityDbContext db, TimeProvider clock,
    ILogger<ClientCredentialsValidator> logger)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenRequestContext>
{
    public async ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
    {
        var clientId = context.Request.ClientId;
        var secret = context.Request.ClientSecret;
        // No registered id holds a control character, and PostgreSQL cannot even compare text holding NUL.
        var client = clientId is null || clientId.Any(char.IsControl) ? null : await db.Clients.AsNoTracking()
            .Include(c => c.Secrets)
            .SingleOrDefaultAsync(c => c.ClientId == clientId, context.CancellationToken);
        // Unknown id, revoked client or wrong secret: the same one PBKDF2 run, so timing does not tell them apart.
        var authenticated = client?.Authenticates(secret, clock.GetUtcNow()) ?? Client.AuthenticatesUnknown(secret);
        if (client is null || !authenticated)
        {
            context.Reject(Errors.InvalidClient, "The client credentials are invalid.");
            return;
        }

        if (ClientRules.FaultsOf(client) is { Count: > 0 } faults)
        {
            logger.LogWarning("Client {ClientId} refused a token: its registration breaks the rules ({Faults})",
                client.ClientId, string.Join("; ", faults));
            context.Reject(Errors.UnauthorizedClient,
                "The client's registration breaks the platform's rules; an administrator must correct it.");
            return;
        }

        var lacking = context.Request.GetScopes().Except(client.Scopes, StringComparer.Ordinal).ToList();
        if (lacking.Count > 0)
        {
            context.Reject(Errors.InvalidScope, $"The client may not request: {string.Join(' ', lacking)}.");
            return;
        }

        // Only a status heard as not active refuses: with no row (nothing heard from Membership yet, e.g. the
        // development portals) the portal keeps getting tokens.
        if (client.OrganizationId is { } organization
            && await db.OrganizationStatuses.AsNoTracking()
                .AnyAsync(s => s.OrganizationId == organization && !s.IsActiveMember, context.CancellationToken))
        {
            context.Reject(Errors.UnauthorizedClient, "The client's organization is not an active member.");
        }
    }
}
