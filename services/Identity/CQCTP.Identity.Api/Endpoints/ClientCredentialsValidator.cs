using CQCTP.Identity.Api.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CQCTP.Identity.Api.Endpoints;

/// <summary>
/// Authenticates a token request's client against the secrets table (hashed; a rotated secret keeps working during
/// its grace period; a revoked client or secret never does) and refuses scopes the client does not hold.
/// </summary>
public sealed class ClientCredentialsValidator(IdentityDbContext db, TimeProvider clock)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenRequestContext>
{
    public async ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
    {
        var clientId = context.Request.ClientId;
        var secret = context.Request.ClientSecret;
        var client = clientId is null ? null : await db.Clients.AsNoTracking()
            .Include(c => c.Secrets)
            .SingleOrDefaultAsync(c => c.ClientId == clientId, context.CancellationToken);
        if (client is null || secret is null || !client.Authenticates(secret, clock.GetUtcNow()))
        {
            context.Reject(Errors.InvalidClient, "The client credentials are invalid.");
            return;
        }

        var lacking = context.Request.GetScopes().Except(client.Scopes, StringComparer.Ordinal).ToList();
        if (lacking.Count > 0)
        {
            context.Reject(Errors.InvalidScope, $"The client may not request: {string.Join(' ', lacking)}.");
            return;
        }

        if (client.OrganizationId is { } organization
            && await db.OrganizationStatuses.AsNoTracking()
                .AnyAsync(s => s.OrganizationId == organization && !s.IsActiveMember, context.CancellationToken))
        {
            context.Reject(Errors.UnauthorizedClient, "The client's organization is not an active member.");
        }
    }
}
