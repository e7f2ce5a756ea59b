using CQCTP.ApiConventions.Data;
using CQCTP.Identity.Api.Domain;
using CQCTP.Identity.Api.Endpoints;
using CQCTP.Security;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Identity.Api.Data;

/// <summary>The development clients (README): Development and Testing only, each with the secret <c>{id}-secret</c>.</summary>
internal sealed class DevelopmentClientsSeeder(TimeProvider clock) : IDbSeeder<IdentityDbContext>
{
    public async Task SeedAsync(IdentityDbContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        (string Id, string Name, ClientKind Kind, Guid? Organization)[] clients =
        [
            (DevelopmentClients.Staff, "Back-office (développement)", ClientKind.Staff, null),
            (DevelopmentClients.PortalA, "Portail de l'organisme A (développement)", ClientKind.Portal, DevelopmentClients.OrganizationA),
            (DevelopmentClients.PortalB, "Portail de l'organisme B (développement)", ClientKind.Portal, DevelopmentClients.OrganizationB),
            (DevelopmentClients.Integrator, "Intégrateur (développement)", ClientKind.Integrator, null),
        ];

        var existing = await context.Clients.Select(c => c.ClientId).ToListAsync(cancellationToken);
        foreach (var (id, name, kind, organization) in clients.Where(c => !existing.Contains(c.Id)))
        {
            // Only missing clients: a rotation or revocation made while developing survives a restart.
            context.Clients.Add(Client.Register(id, name, kind, ClientScopes.AllowedFor(kind), organization,
                DevelopmentClients.SecretOf(id), now));
        }

        // A data folder from before integrators had broker users: the same development secret again, now with its
        // broker password, so dev-integrator reaches the broker as the README says.
        var integrator = await context.Clients.Include(c => c.Secrets)
            .SingleOrDefaultAsync(c => c.ClientId == DevelopmentClients.Integrator, cancellationToken);
        if (integrator is { RevokedAt: null } && integrator.BrokerPasswordHashAt(now) is null)
        {
            integrator.Rotate(DevelopmentClients.SecretOf(integrator.ClientId), now);
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
