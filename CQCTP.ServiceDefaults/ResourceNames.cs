namespace CQCTP.ServiceDefaults;

/// <summary>The Aspire resource names, shared by the AppHost, the services and the tests.</summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";

    /// <summary>Declares every consumer queue and binding before the services (and their outbox relays) start.</summary>
    public const string MessagingTopology = "messaging-topology";
    public const string Gateway = "gateway";

    public const string MembershipApi = "membership-api";
    public const string ConcertationApi = "concertation-api";
    public const string KnowledgeApi = "knowledge-api";
    public const string FundingApi = "funding-api";
    public const string IdentityApi = "identity-api";

    /// <summary>The integrators' door: the AsyncAPI catalogue of the integration events.</summary>
    public const string IntegrationsApi = "integrations-api";

    public const string MembershipDb = "membership-db";
    public const string ConcertationDb = "concertation-db";
    public const string KnowledgeDb = "knowledge-db";
    public const string FundingDb = "funding-db";
    public const string IdentityDb = "identity-db";
    public const string IntegrationsDb = "integrations-db";
}
