using CQCTP.Membership.Contracts;
using CQCTP.Primitives;

namespace CQCTP.Integrations.Api.Catalogue;

/// <summary>
/// When each public event is published, in the words an integrator reads (French first). Kept here rather than in
/// the contracts, which stay plain records; a test fails when a public event has no entry, or an entry no event.
/// docs/events.md says the same at length.
/// </summary>
public static class EventDescriptions
{
    public static IReadOnlyDictionary<Type, BilingualText> PublishedWhen { get; } = new Dictionary<Type, BilingualText>
    {
        [typeof(OrganizationRegistered)] = BilingualText.Of(
            "Une organisation est créée (POST /api/v1/membership/organizations) ou dépose une demande d'adhésion "
            + "(POST /api/v1/membership/applications, statut pending). Pas lors des modifications ultérieures "
            + "(voir OrganizationProfileUpdated).",
            "An organization is created (POST /api/v1/membership/organizations) or applies for membership "
            + "(POST /api/v1/membership/applications, status pending). Not on later edits (see OrganizationProfileUpdated)."),
        [typeof(OrganizationProfileUpdated)] = BilingualText.Of(
            "Le profil d'une organisation est remplacé ou modifié (PUT ou PATCH /api/v1/membership/organizations/{id}), "
            + "par le personnel ou par son portail. Pas lors des changements de statut.",
            "An organization's profile is replaced or patched (PUT or PATCH /api/v1/membership/organizations/{id}), "
            + "by staff or by its portal. Not on status changes."),
        [typeof(MembershipActivated)] = BilingualText.Of(
            "Une organisation en attente devient membre pour la première fois : sa demande est approuvée ou le "
            + "personnel l'admet. Toujours accompagné d'un MembershipStatusChanged pending → active ; pas lors d'une "
            + "réactivation.",
            "A pending organization becomes a member for the first time: its application is approved or staff admit "
            + "it. Always alongside a MembershipStatusChanged pending → active; not on reactivation."),
        [typeof(MembershipStatusChanged)] = BilingualText.Of(
            "À chaque changement de statut d'adhésion : approbation ou refus d'une demande, suspension, déchéance, "
            + "retrait, réactivation, et déchéance d'un membre qui n'a pas renouvelé (tâche quotidienne). L'ordre "
            + "d'arrivée n'est pas garanti : comparez changedAt.",
            "Every membership status change: approval or refusal of an application, suspension, lapse, withdrawal, "
            + "reactivation, and the lapse of a member that did not renew (daily job). Arrival order is not "
            + "guaranteed: compare changedAt."),
        [typeof(DelegateAdded)] = BilingualText.Of(
            "Un délégué est nommé par une organisation membre (POST /api/v1/membership/organizations/{id}/delegates).",
            "A member organization appoints a delegate (POST /api/v1/membership/organizations/{id}/delegates)."),
        [typeof(DelegateUpdated)] = BilingualText.Of(
            "Le profil d'un délégué change (PUT ou PATCH) ; ne redonne jamais un consentement.",
            "A delegate's profile changes (PUT or PATCH); never gives a consent again."),
        [typeof(DelegateRemoved)] = BilingualText.Of(
            "Un délégué est retiré (DELETE) : ses renseignements personnels sont effacés ; oubliez ce que vous "
            + "détenez à son sujet.",
            "A delegate is removed (DELETE): their personal details are erased; forget what you hold about them."),
        [typeof(ConsentWithdrawn)] = BilingualText.Of(
            "Un consentement en vigueur (newsletter, directory-listing) est retiré, par le personnel, le portail de "
            + "l'organisation ou un désabonnement.",
            "A consent in force (newsletter, directory-listing) is withdrawn, by staff, the organization's portal or "
            + "an unsubscribe."),
        [typeof(CommitteeMembershipChanged)] = BilingualText.Of(
            "Un délégué se joint à un comité (joined), son rôle ou son mandat change (updated), ou il le quitte (left, "
            + "aussi pour chaque siège d'un délégué retiré).",
            "A delegate joins a committee (joined), their role or term changes (updated), or they leave it (left, also "
            + "for each seat of a removed delegate)."),
    };
}
