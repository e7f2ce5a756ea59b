using CQCTP.ApiConventions.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Messaging.Outbox;
using CQCTP.Primitives;
using CQCTP.Security;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Data;

/// <summary>
/// The two active member organizations that the development portal clients act for (Development and Testing only),
/// with the fixed ids the identity service's dev clients carry. Fictional, like all demo data.
/// </summary>
internal sealed class DevelopmentOrganizations(TimeProvider clock, IOutbox outbox) : IDbSeeder<MembershipDbContext>
{
    public async Task SeedAsync(MembershipDbContext context, CancellationToken cancellationToken)
    {
        (Guid Id, OrganizationDetails Details)[] organizations =
        [
            (DevelopmentClients.OrganizationA, new("Organisme membre A (portail de développement)", "Organisme A", "06",
                "a@organisme-a.example", null, BilingualText.Of("Organisme fictif du portail A.", "Fictional organization of portal A."))),
            (DevelopmentClients.OrganizationB, new("Organisme membre B (portail de développement)", "Organisme B", "03",
                "b@organisme-b.example", null, BilingualText.Of("Organisme fictif du portail B.", "Fictional organization of portal B."))),
        ];

        var now = clock.GetUtcNow();
        foreach (var (id, details) in organizations)
        {
            if (await context.Organizations.AnyAsync(o => o.Id == id, cancellationToken))
            {
                continue;
            }

            var organization = Organization.Register(id, details, now);
            var activation = organization.Activate(MembershipType.Regular,
                new MembershipDecision(null, Organization.Today(now), nameof(DevelopmentOrganizations), now));
            context.Organizations.Add(organization);
            // Through the outbox like any registration and activation, so every service's read model knows them too.
            outbox.Add(OrganizationEvents.Registered(organization));
            outbox.Add(OrganizationEvents.Activated(organization, activation));
            outbox.Add(OrganizationEvents.StatusChanged(activation));
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
