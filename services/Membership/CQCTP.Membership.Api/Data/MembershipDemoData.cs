using CQCTP.ApiConventions.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Messaging.Outbox;
using CQCTP.Primitives;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Data;

/// <summary>Fictional organizations for Development: never real names, never people.</summary>
internal sealed class MembershipDemoData(TimeProvider clock, IOutbox outbox) : IDbSeeder<MembershipDbContext>
{
    private static readonly OrganizationDetails[] Organizations =
    [
        new("Maison Phare de l'Estrie (démo)", "Maison Phare", "05", "info@maisonphare.example", "https://maisonphare.example",
            BilingualText.Of("Hébergement et accompagnement psychosocial.", "Shelter and psychosocial support.")),
        new("Clinique juridique Passerelle (démo)", "Passerelle", "06", "accueil@passerelle.example", null,
            BilingualText.Of("Information juridique et immigration.", "Legal and immigration information.")),
        new("Réseau Boussole du Saguenay (démo)", null, "02", null, null,
            BilingualText.Of("Prévention auprès des jeunes.", "Youth prevention.")),
    ];

    public async Task SeedAsync(MembershipDbContext context, CancellationToken cancellationToken)
    {
        // Only into an empty database: demo data never mixes with what people entered.
        if (await context.Organizations.AnyAsync(cancellationToken))
        {
            return;
        }

        // Through the domain code and the outbox, like any registration: Concertation hears of each one.
        var now = clock.GetUtcNow();
        foreach (var details in Organizations)
        {
            var organization = Organization.Register(details, now);
            context.Organizations.Add(organization);
            outbox.Add(OrganizationEvents.Registered(organization));
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
