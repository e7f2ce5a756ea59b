namespace CQCTP.Security;

/// <summary>
/// Every OAuth 2.0 scope the platform issues. A scope is <c>{service}.{right}</c>; the part before the first dot names
/// the API the token is for, which is how the identity service picks a token's audiences.
/// </summary>
public static class Scopes
{
    public const string MembershipRead = "membership.read";
    public const string MembershipWrite = "membership.write";

    /// <summary>Personal fields of delegates (names are public to members; email and phone are not).</summary>
    public const string MembershipContactsRead = "membership.contacts.read";

    /// <summary>A member organization's portal: its own organization and delegates, members-only content.</summary>
    public const string MembershipSelf = "membership.self";

    public const string ConcertationRead = "concertation.read";
    public const string ConcertationWrite = "concertation.write";
    public const string KnowledgeRead = "knowledge.read";
    public const string KnowledgeWrite = "knowledge.write";

    /// <summary>Committee-only library items.</summary>
    public const string KnowledgeCommittee = "knowledge.committee";

    public const string FundingRead = "funding.read";
    public const string FundingWrite = "funding.write";

    /// <summary>An integrator's own webhook subscriptions (the integrations service).</summary>
    public const string IntegrationsManage = "integrations.manage";

    /// <summary>The identity service's admin API: register, rotate and revoke clients.</summary>
    public const string IdentityAdmin = "identity.admin";

    public static IReadOnlyList<string> All { get; } =
    [
        MembershipRead, MembershipWrite, MembershipContactsRead, MembershipSelf,
        ConcertationRead, ConcertationWrite,
        KnowledgeRead, KnowledgeWrite, KnowledgeCommittee,
        FundingRead, FundingWrite,
        IdentityAdmin,
        IntegrationsManage,
    ];

    /// <summary>
    /// The staff back office: everything but the portal's own-organization view. It may hold webhooks of its own (a
    /// subscription belongs to the client that made it), so every API, the integrations one included, is in its token.
    /// </summary>
    public static IReadOnlyList<string> Staff { get; } = [.. All.Where(s => s != MembershipSelf)];

    /// <summary>Partner integrators: read scopes, without delegates' personal fields, and their own webhooks.</summary>
    public static IReadOnlyList<string> Integrator { get; } =
        [MembershipRead, ConcertationRead, KnowledgeRead, FundingRead, IntegrationsManage];

    /// <summary>A member organization's portal.</summary>
    public static IReadOnlyList<string> Portal { get; } = [MembershipSelf];

    /// <summary>The API a scope is named after: <c>membership.read</c> → <c>membership-api</c>.</summary>
    public static string AudienceOf(string scope) => Audiences.Of(scope[..scope.IndexOf('.', StringComparison.Ordinal)]);

    /// <summary>
    /// The APIs a token holding <paramref name="scope"/> is for. A portal's <c>membership.self</c> also reaches the
    /// knowledge API, where it reads members-only library items.
    /// </summary>
    public static IReadOnlyList<string> AudiencesOf(string scope) =>
        scope == MembershipSelf ? [AudienceOf(scope), Audiences.Of("knowledge")] : [AudienceOf(scope)];
}
