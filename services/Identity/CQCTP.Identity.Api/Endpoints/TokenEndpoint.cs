using System.Security.Claims;
using CQCTP.Identity.Api.Data;
using CQCTP.Security;
using Microsoft.AspNetCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Scopes = CQCTP.Security.Scopes;

namespace CQCTP.Identity.Api.Endpoints;

/// <summary>
/// <c>POST /connect/token</c>, client credentials only. OpenIddict parses the request and answers errors in the
/// RFC 6749 format; <see cref="ClientCredentialsValidator"/> authenticates the client against our own secrets table
/// (OpenIddict runs in degraded mode, see docs/adr/0003); this handler decides what the token says.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        // The client authenticates with its secret in the request itself, which OpenIddict checks before this runs.
        endpoints.MapPost(Path, Exchange).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> Exchange(HttpContext context, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.ClientId == request.ClientId, cancellationToken);

        // No scope asked: every scope the client holds (the validator has already refused scopes it lacks).
        var requested = request.GetScopes();
        string[] scopes = requested.IsEmpty ? [.. client.Scopes] : [.. requested];

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme,
            Claims.Subject, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId);
        if (client.OrganizationId is { } organization)
        {
            identity.SetClaim(PlatformClaims.OrganizationId, organization.ToString());
        }

        identity.SetScopes(scopes);
        identity.SetResources(scopes.SelectMany(Scopes.AudiencesOf).Distinct(StringComparer.Ordinal));
        identity.SetDestinations(_ => [Destinations.AccessToken]);

        return Results.SignIn(new ClaimsPrincipal(identity), properties: null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
