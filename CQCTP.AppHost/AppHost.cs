using System.Globalization;
using CQCTP.AppHost;
using CQCTP.AppHost.LocalInfra;
using CQCTP.Integrations.Events;
using CQCTP.Membership.Contracts;
using CQCTP.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL and RabbitMQ run as local executables: no container engine is needed (docs/adr/0001).
var postgres = builder.AddLocalPostgres(ResourceNames.Postgres);
var messaging = builder.AddLocalRabbitMQ(ResourceNames.Messaging);

// Every consumer queue exists before any service publishes: RabbitMQ drops what reaches an exchange with no queue.
// Each service's line below declares what it consumes (WithSubscription); this step declares those queues.
// It also creates each service's own broker user (AddService) and the identity service's provisioning account.
var provisioningPassword = LocalInfraOptions.From(builder).GeneratedSecret($"{ResourceNames.Messaging}-provisioning");
var topology = builder.AddProject<Projects.CQCTP_Messaging_Topology>(ResourceNames.MessagingTopology)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment(PlatformConfigurationKeys.AsEnvironmentVariable(PlatformConfigurationKeys.TopologyManagement),
        messaging.Resource.ManagementEndpoint)
    // It also declares the integrators' replay stream, whose retention it sets as a policy (docs/integrations.md).
    .WithEnvironment(PlatformConfigurationKeys.AsEnvironmentVariable(ReplaySettings.RetentionKey),
        builder.Configuration[ReplaySettings.RetentionKey] ?? ReplaySettings.DefaultRetention.ToString("c", CultureInfo.InvariantCulture))
    .WithBrokerAccounts(provisioningPassword);

// Issues the access tokens every other service validates (docs/security.md).
var identity = builder.AddService<Projects.CQCTP_Identity_Api>(ResourceNames.IdentityApi,
    postgres.AddDatabase(ResourceNames.IdentityDb), messaging, topology)
    .WithSubscription<MembershipStatusChanged>("organization-statuses", topology)
    // Each integrator client's broker user follows the client (docs/adr/0005).
    .WithIntegratorProvisioning(messaging, provisioningPassword);
// Its admin API validates tokens like any service, with the keys it publishes itself.
identity.WithEnvironment(PlatformConfigurationKeys.AsEnvironmentVariable(PlatformConfigurationKeys.AuthAuthority),
    identity.GetEndpoint("http"));
// Forwarded headers from the gateway only (it runs on this machine), so the token endpoint's per-address limit counts
// the caller behind it. A published identity service gets no ASPNETCORE_FORWARDEDHEADERS_ENABLED from Aspire, with
// which ASP.NET Core would believe them from anyone (the service overrides that too, see TrustedProxies).
identity.DisableForwardedHeaders()
    .WithEnvironment("ForwardedHeaders__KnownProxies__0", "127.0.0.1")
    .WithEnvironment("ForwardedHeaders__KnownProxies__1", "::1");

var membership = builder.AddService<Projects.CQCTP_Membership_Api>(ResourceNames.MembershipApi,
    postgres.AddDatabase(ResourceNames.MembershipDb), messaging, topology).WithIdentity(identity);
// Public applications are told apart by the applicant's address, which only the gateway may forward (as above).
membership.DisableForwardedHeaders()
    .WithEnvironment("ForwardedHeaders__KnownProxies__0", "127.0.0.1")
    .WithEnvironment("ForwardedHeaders__KnownProxies__1", "::1");
var concertation = builder.AddService<Projects.CQCTP_Concertation_Api>(ResourceNames.ConcertationApi,
    postgres.AddDatabase(ResourceNames.ConcertationDb), messaging, topology).WithIdentity(identity)
    .WithSubscription<OrganizationRegistered>("member-organizations", topology);
var knowledge = builder.AddService<Projects.CQCTP_Knowledge_Api>(ResourceNames.KnowledgeApi,
    postgres.AddDatabase(ResourceNames.KnowledgeDb), messaging, topology).WithIdentity(identity)
    .WithSubscription<MembershipStatusChanged>("organization-statuses", topology);
var funding = builder.AddService<Projects.CQCTP_Funding_Api>(ResourceNames.FundingApi,
    postgres.AddDatabase(ResourceNames.FundingDb), messaging, topology).WithIdentity(identity);
// The integrators' door: the AsyncAPI catalogue of the events (docs/integrations.md).
var integrations = builder.AddService<Projects.CQCTP_Integrations_Api>(ResourceNames.IntegrationsApi,
    postgres.AddDatabase(ResourceNames.IntegrationsDb), messaging, topology).WithIdentity(identity)
    .WithBrokerRead(IntegrationEvents.ReplayStream, topology);
// A webhook receiver on this machine (the end-to-end tests' own); the service honours it in Testing and Development
// only, whose appsettings already allow loopback. Retries after seconds, not the production 5 s then 5 min: the
// end-to-end retry test waits for a third attempt.
if (string.Equals(builder.Environment.EnvironmentName, PlatformEnvironments.Testing, StringComparison.Ordinal))
{
    integrations.WithEnvironment("Integrations__Webhooks__AllowedAddresses__0", "127.0.0.1")
        .WithEnvironment("Integrations__Webhooks__RetrySchedule__0", "00:00:01")
        .WithEnvironment("Integrations__Webhooks__RetrySchedule__1", "00:00:02")
        .WithEnvironment("Integrations__Webhooks__RetrySchedule__2", "00:00:04");
}

// Starts alongside the services instead of after them: until a service is up, YARP answers its routes with 503, and
// the gateway's readiness (/health) includes every upstream's, so whoever waits for the gateway waits for them all.
var gateway = builder.AddProject<Projects.CQCTP_Gateway>(ResourceNames.Gateway)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithIdentity(identity)
    .WithReference(membership)
    .WithReference(concertation)
    .WithReference(knowledge)
    .WithReference(funding)
    .WithReference(integrations)
    .WithExternalHttpEndpoints()
    .WithReadinessCheck("/health", identity.Resource, membership.Resource, concertation.Resource, knowledge.Resource,
        funding.Resource, integrations.Resource)
    // The edge: no proxy in front of it locally, so it believes no X-Forwarded-For (a deployment behind a load
    // balancer names it in ForwardedHeaders:KnownProxies).
    .DisableForwardedHeaders();

// Tokens name the public gateway URL as their issuer. An endpoint reference, not a WaitFor: nothing waits for the
// gateway, so there is no start-up cycle.
var issuer = gateway.GetEndpoint("http");
foreach (var resource in new[] { identity, membership, concertation, knowledge, funding, integrations, gateway })
{
    resource.WithTokenIssuer(issuer);
}

TestProfiles.Apply(builder, gateway, identity, [identity, membership, concertation, knowledge, funding, integrations]);
builder.LaunchProjectsFromBuildOutput();
builder.ApplyLocalRuntimeSettings();
StartupReport.AddStartupReport(builder);

builder.Build().Run();
