using CQCTP.AppHost.LocalInfra;
using CQCTP.ServiceDefaults;

namespace CQCTP.AppHost;

internal static class ServiceResources
{
    /// <summary>
    /// A domain service: its own database, the broker once the topology step has declared every queue, and the
    /// AppHost's environment (Development, Testing…). <c>DemoData:Seed=true</c> seeds demo data outside Development.
    /// It reaches the broker as its own user (<c>service.{name}</c>, a generated password), which the topology step
    /// creates with only what the service publishes and consumes (docs/security.md).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder,
        string name, IResourceBuilder<LocalPostgresDatabaseResource> database,
        IResourceBuilder<LocalRabbitMQResource> messaging, IResourceBuilder<ProjectResource> topology)
        where TProject : IProjectMetadata, new()
    {
        var service = ServiceName(name);
        var password = LocalInfraOptions.From(builder).GeneratedSecret($"{ResourceNames.Messaging}-{service}");
        topology.WithEnvironment(Variable($"{TopologyUsersSection}:{service}:Password"), password);
        return builder.AddProject<TProject>(name)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("DemoData__Seed", builder.Configuration["DemoData:Seed"] ?? "false")
            .WithReference(database).WaitFor(database)
            .WithEnvironment($"ConnectionStrings__{ResourceNames.Messaging}",
                messaging.Resource.ConnectionStringFor(BrokerUsers.OfService(service), password))
            .WaitFor(messaging)
            .WaitForCompletion(topology)
            // Not proxied, on a port Aspire picks: the gateway's every request would otherwise cross DCP's TCP proxy,
            // a hop (and DCP's CPU) a deployment does not have. Callers find the port by service discovery.
            .WithEndpoint("http", endpoint =>
            {
                endpoint.IsProxied = false;
                endpoint.Port = null;
            })
            .WithReadinessCheck("/health");
    }

    /// <summary>
    /// The topology step creates the services' broker users and the identity service's provisioning account through
    /// the management API, as the administrator (the only place its password goes besides the AppHost's own checks).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBrokerAccounts(this IResourceBuilder<ProjectResource> topology,
        string provisioningPassword) =>
        topology.WithEnvironment(Variable("Topology:ProvisioningPassword"), provisioningPassword);

    /// <summary>
    /// The identity service keeps each integrator client's broker user in step (docs/adr/0005), through the
    /// management API with the provisioning account.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIntegratorProvisioning(
        this IResourceBuilder<ProjectResource> identity, IResourceBuilder<LocalRabbitMQResource> messaging,
        string provisioningPassword) =>
        identity.WithEnvironment(Variable("Broker:Management"), messaging.Resource.ManagementEndpoint)
            .WithEnvironment(Variable("Broker:User"), BrokerUsers.Provisioning)
            .WithEnvironment(Variable("Broker:Password"), provisioningPassword);

    /// <summary>A queue the service reads as it is, without declaring it (e.g. the replay stream): its broker user may.</summary>
    public static IResourceBuilder<ProjectResource> WithBrokerRead(this IResourceBuilder<ProjectResource> service,
        string queue, IResourceBuilder<ProjectResource> topology)
    {
        var name = ServiceName(service.Resource.Name);
        topology.WithEnvironment(Variable($"{TopologyUsersSection}:{name}:Reads:{queue}"), queue);
        return service;
    }

    /// <summary>
    /// Validates tokens with the identity service's keys, fetched from <c>http://identity-api</c> on the first token
    /// it sees. No WaitFor: tokens only arrive once the gateway (which waits for identity) is up, so services start
    /// alongside identity instead of after it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(this IResourceBuilder<ProjectResource> resource,
        IResourceBuilder<ProjectResource> identity) =>
        resource.WithReference(identity);

    /// <summary>The issuer URL that the identity service writes into tokens and every validator expects.</summary>
    public static IResourceBuilder<ProjectResource> WithTokenIssuer(this IResourceBuilder<ProjectResource> resource,
        EndpointReference issuer) =>
        resource.WithEnvironment(PlatformConfigurationKeys.AsEnvironmentVariable(PlatformConfigurationKeys.AuthIssuer), issuer);

    /// <summary>
    /// Declares that this service consumes <typeparamref name="TMessage"/> as <paramref name="consumer"/>: the topology
    /// step creates its queue <c>{service}-{consumer}</c> before anything is published, and the service is allowed to
    /// register the consumer (it refuses one it was not declared).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSubscription<TMessage>(
        this IResourceBuilder<ProjectResource> service, string consumer, IResourceBuilder<ProjectResource> topology)
    {
        var serviceName = ServiceName(service.Resource.Name);
        var exchange = EventSubscriptions.ExchangeName(typeof(TMessage));
        var queue = EventSubscriptions.QueueName(serviceName, consumer);
        topology.WithEnvironment(Variable(EventSubscriptions.Key(EventSubscriptions.TopologySection, queue, typeof(TMessage))),
            exchange);
        topology.WithEnvironment(
            Variable(EventSubscriptions.Key($"{TopologyUsersSection}:{serviceName}:Consumes", consumer, typeof(TMessage))),
            exchange);
        return service.WithEnvironment(
            Variable(EventSubscriptions.Key(EventSubscriptions.ServiceSection, consumer, typeof(TMessage))), exchange);
    }

    private const string TopologyUsersSection = "Topology:Users";

    private static string ServiceName(string resourceName) =>
        resourceName.EndsWith("-api", StringComparison.Ordinal) ? resourceName[..^"-api".Length] : resourceName;

    private static string Variable(string key) => PlatformConfigurationKeys.AsEnvironmentVariable(key);
}
