using CQCTP.ApiConventions.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Messaging.Outbox;
using CQCTP.Primitives;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Data;

/// <summary>
/// A small, realistic coalition for Development: the founding partner and a dozen fictional members across regions,
/// their services (a public "hébergement" among them, its address withheld), delegates with consents, dues, and the
/// three committees, a privacy officer and the next annual assembly. Fictional people only (".example" addresses); everything goes through the domain and the
/// outbox, so other services hear of it as they would of real data.
/// </summary>
internal sealed class MembershipDemoData(TimeProvider clock, IOutbox outbox) : IDbSeeder<MembershipDbContext>
{
    private const string SeededBy = "demo-data";
    private const string ConsentText = "2026-04";

    private static readonly DemoMember[] Members =
    [
        new("Comité d'action contre la traite humaine interne et internationale", "CATHII", "06",
            OrganizationType.CommunityOrganization, [FocusArea.SexualExploitation, FocusArea.ForcedLabour], ["06", "13", "16"],
            "Partenaire fondateur de la coalition.", "Founding partner of the coalition.",
            [("prevention-awareness", "Sensibilisation et formation sur la traite", "Trafficking awareness and training", true)],
            MembershipType.Regular),
        new("Maison Phare de l'Estrie (démo)", "Maison Phare", "05", OrganizationType.Shelter,
            [FocusArea.SexualExploitation], ["05"], "Hébergement et accompagnement psychosocial.",
            "Shelter and psychosocial support.",
            [("shelter", "Hébergement sécuritaire pour femmes", "Safe shelter for women", true),
             ("psychosocial-support", "Accompagnement psychosocial", "Psychosocial support", true)],
            MembershipType.Regular),
        new("Clinique juridique Passerelle (démo)", "Passerelle", "06", OrganizationType.LegalClinic,
            [FocusArea.SexualExploitation, FocusArea.ForcedLabour], ["06", "13"],
            "Information juridique et immigration.", "Legal and immigration information.",
            [("legal-support", "Consultations juridiques gratuites", "Free legal consultations", true),
             ("immigration", "Accompagnement en immigration", "Immigration support", true)],
            MembershipType.Regular),
        new("Réseau Boussole du Saguenay (démo)", null, "02", OrganizationType.CommunityOrganization,
            [FocusArea.SexualExploitation], ["02"], "Prévention auprès des jeunes.", "Youth prevention.",
            [("prevention-awareness", "Ateliers de prévention dans les écoles", "Prevention workshops in schools", true)],
            MembershipType.Regular),
        new("Refuge Horizon de Québec (démo)", "Refuge Horizon", "03", OrganizationType.Shelter,
            [FocusArea.SexualExploitation, FocusArea.ForcedLabour], ["03", "12"], "Hébergement d'urgence.",
            "Emergency shelter.",
            [("shelter", "Hébergement d'urgence 24/7", "Emergency shelter 24/7", true),
             ("material-aid", "Aide matérielle d'urgence", "Emergency material aid", false)],
            MembershipType.Regular),
        new("Centre Travail Digne de la Montérégie (démo)", "Travail Digne", "16", OrganizationType.CommunityOrganization,
            [FocusArea.ForcedLabour], ["16"], "Droits des travailleuses et travailleurs migrants.",
            "Rights of migrant workers.",
            [("employment", "Défense des droits au travail", "Labour rights advocacy", true)],
            MembershipType.Regular),
        new("Santé Plurielle Outaouais (démo)", null, "07", OrganizationType.HealthAndSocialServices,
            [FocusArea.SexualExploitation], ["07"], "Soins de santé sans jugement.", "Non-judgmental health care.",
            [("health", "Clinique de santé sexuelle", "Sexual health clinic", true)],
            MembershipType.Associate),
        new("Logis Tremplin de Trois-Rivières (démo)", "Logis Tremplin", "04", OrganizationType.CommunityOrganization,
            [FocusArea.SexualExploitation], ["04", "17"], "Logement de transition.", "Transitional housing.",
            [("housing", "Logement de transition", "Transitional housing", true)],
            MembershipType.Regular),
        new("Observatoire sur l'exploitation (démo)", null, "06", OrganizationType.Research,
            [FocusArea.SexualExploitation, FocusArea.ForcedLabour], ["06"], "Recherche partenariale.",
            "Partnership research.",
            [("training", "Formation des intervenantes et intervenants", "Training for practitioners", true)],
            MembershipType.Observer),
        new("Accueil Nord-Côtier (démo)", null, "09", OrganizationType.CommunityOrganization,
            [FocusArea.SexualExploitation], ["09"], "Accueil et référence.", "Welcome and referral.",
            [("psychosocial-support", "Écoute et référence", "Listening and referral", true)],
            MembershipType.Regular),
        new("Ressources Abitibi-Témiscamingue (démo)", null, "08", OrganizationType.CommunityOrganization,
            [FocusArea.ForcedLabour], ["08", "10"], "Soutien aux personnes migrantes.", "Support for migrants.",
            [("immigration", "Soutien aux travailleurs étrangers temporaires", "Support for temporary foreign workers", true)],
            MembershipType.Associate),
        new("Maison Aube de Laval (démo)", "Maison Aube", "13", OrganizationType.Shelter,
            [FocusArea.SexualExploitation], ["13"], "Hébergement à moyen terme.", "Medium-term shelter.",
            [("shelter", "Hébergement à moyen terme", "Medium-term shelter", true)],
            MembershipType.Regular),
        new("Collectif Gaspésie solidaire (démo)", null, "11", OrganizationType.CommunityOrganization,
            [FocusArea.SexualExploitation], ["11"], "Sensibilisation régionale.", "Regional awareness.",
            [("prevention-awareness", "Campagnes de sensibilisation", "Awareness campaigns", true)],
            MembershipType.Regular),
    ];

    private static readonly (string Fr, string En)[] People =
    [
        ("Camille Démo", "Camille Demo"), ("Alex Exemple", "Alex Example"), ("Sacha Fictif", "Sacha Fictive"),
    ];

    public async Task SeedAsync(MembershipDbContext context, CancellationToken cancellationToken)
    {
        // Only into an empty database: demo data never mixes with what people entered.
        if (await context.Organizations.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = Organization.Today(now);
        var since = today.AddDays(-300);
        var delegates = new List<MemberDelegate>();
        var index = 0;
        foreach (var member in Members)
        {
            var organization = Organization.Register(member.Details(index), now);
            context.Organizations.Add(organization);
            outbox.Add(OrganizationEvents.Registered(organization));
            var change = organization.Activate(member.Type, new MembershipDecision(null, since, SeededBy, now));
            outbox.Add(OrganizationEvents.Activated(organization, change));
            outbox.Add(OrganizationEvents.StatusChanged(change));
            if (member.Type != MembershipType.Observer)
            {
                context.Dues.Add(MembershipDues.Record(organization.Id, FiscalYear.Of(today), 150m, since, today, now));
            }

            foreach (var (category, fr, en, isPublic) in member.Services)
            {
                context.Services.Add(ServiceOffering.Offer(organization.Id, new ServiceOfferingDetails(
                    category, BilingualText.Of(fr, en), BilingualText.Of("Sans frais, confidentiel.", "Free, confidential."),
                    member.RegionsServed, ["fr", "en"], [.. member.Focus.Select(ToServiceFocus)], isPublic), now));
            }

            var person = People[index % People.Length];
            var appointed = MemberDelegate.Appoint(organization.Id, new DelegateDetails(
                index % 2 == 0 ? person.Fr : person.En, "Coordination",
                $"delegue{index + 1}@membre{index + 1}.example", null,
                index % 4 == 3 ? PreferredLanguage.En : PreferredLanguage.Fr,
                [DelegateRole.PrimaryContact, DelegateRole.AgmDelegate]), now);
            context.Delegates.Add(appointed);
            outbox.Add(DelegateEvents.Added(appointed));
            var newsletter = appointed.GiveConsent(ConsentPurpose.Newsletter, ConsentText, false, false, SeededBy, now);
            outbox.Add(DelegateEvents.ConsentGiven(appointed, newsletter));
            if (index % 3 != 2)
            {
                var listing = appointed.GiveConsent(ConsentPurpose.DirectoryListing, ConsentText, true, false, SeededBy, now);
                outbox.Add(DelegateEvents.ConsentGiven(appointed, listing));
            }

            delegates.Add(appointed);
            index++;
        }

        SeedCommittees(context, delegates, since, now);
        context.PrivacyOfficers.Add(PrivacyOfficer.Appoint(new PrivacyOfficerDetails(
            "Dominique Exemple (démo)",
            BilingualText.Of("Responsable de la protection des renseignements personnels", "Privacy officer"),
            "vie-privee@coalition.example", "514-555-0100"), now));
        context.Assemblies.Add(GeneralAssembly.Plan(new AssemblyDetails(
            AssemblyKind.Annual, BilingualText.Of("Assemblée générale annuelle", "Annual general meeting"),
            now.AddDays(45), "En ligne / Online", null, QuorumPercent: 50), now));
        await context.SaveChangesAsync(cancellationToken);
    }

    private void SeedCommittees(MembershipDbContext context, List<MemberDelegate> delegates, DateOnly since,
        DateTimeOffset now)
    {
        var committees = new (CommitteeKind Kind, string Fr, string En, int[] Seats)[]
        {
            (CommitteeKind.Board, "Conseil d'administration", "Board of directors", [0, 1, 2, 4, 7]),
            (CommitteeKind.Coordination, "Comité de coordination", "Coordination committee", [0, 2, 5]),
            (CommitteeKind.Clinical, "Comité clinique", "Clinical committee", [1, 4, 11]),
        };
        foreach (var (kind, fr, en, seats) in committees)
        {
            var committee = Committee.Create(kind, BilingualText.Of(fr, en), now);
            context.Committees.Add(committee);
            for (var seat = 0; seat < seats.Length; seat++)
            {
                var role = seat switch { 0 => CommitteeRole.Chair, 1 => CommitteeRole.Secretary, _ => CommitteeRole.Member };
                var member = CommitteeMember.Seat(committee.Id, delegates[seats[seat]].Id, role, since, since.AddYears(2), now);
                context.CommitteeMembers.Add(member);
                outbox.Add(CommitteeEvents.Changed(member, "joined", now));
            }
        }
    }

    private static ServiceFocus ToServiceFocus(FocusArea focus) =>
        focus == FocusArea.ForcedLabour ? ServiceFocus.ForcedLabour : ServiceFocus.SexualExploitation;
}
