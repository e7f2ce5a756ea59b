using CQCTP.AppHost;
using CQCTP.AppHost.LocalInfra;
using CQCTP.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL and RabbitMQ run as local executables: no container engine is needed (docs/adr/0001).
var postgres = builder.AddLocalPostgres(ResourceNames.Postgres);
var messaging = builder.AddLocalRabbitMQ(ResourceNames.Messaging);

// Every consumer queue exists before any service publishes: RabbitMQ drops what reaches an exchange with no queue.
var topology = builder.AddProject<Projects.CQCTP_Messaging_Topology>(ResourceNames.MessagingTopology)
    .WithReference(messaging).WaitFor(messaging);

var membership = builder.AddService<Projects.CQCTP_Membership_Api>(ResourceNames.MembershipApi,
    postgres.AddDatabase(ResourceNames.MembershipDb), messaging, topology);
var concertation = builder.AddService<Projects.CQCTP_Concertation_Api>(ResourceNames.ConcertationApi,
    postgres.AddDatabase(ResourceNames.ConcertationDb), messaging, topology);
var knowledge = builder.AddService<Projects.CQCTP_Knowledge_Api>(ResourceNames.KnowledgeApi,
    postgres.AddDatabase(ResourceNames.KnowledgeDb), messaging, topology);
var funding = builder.AddService<Projects.CQCTP_Funding_Api>(ResourceNames.FundingApi,
    postgres.AddDatabase(ResourceNames.FundingDb), messaging, topology);

builder.AddProject<Projects.CQCTP_Gateway>(ResourceNames.Gateway)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithReference(membership).WaitFor(membership)
    .WithReference(concertation).WaitFor(concertation)
    .WithReference(knowledge).WaitFor(knowledge)
    .WithReference(funding).WaitFor(funding)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
