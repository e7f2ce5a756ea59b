using CQCTP.AppHost.LocalInfra;
using CQCTP.ServiceDefaults;

namespace CQCTP.AppHost;

internal static class ServiceResources
{
    /// <summary>
    /// A domain service: its own database, the broker once the topology step has declared every queue, and the
    /// AppHost's environment (Development, Testing…). <c>DemoData:Seed=true</c> seeds demo data outside Development.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder,
        string name, IResourceBuilder<LocalPostgresDatabaseResource> database,
        IResourceBuilder<LocalRabbitMQResource> messaging, IResourceBuilder<ProjectResource> topology)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("DemoData__Seed", builder.Configuration["DemoData:Seed"] ?? "false")
            .WithReference(database).WaitFor(database)
            .WithReference(messaging).WaitFor(messaging)
            .WaitForCompletion(topology)
            // Not proxied, on a port Aspire picks: the gateway's every request would otherwise cross DCP's TCP proxy,
            // a hop (and DCP's CPU) a deployment does not have. Callers find the port by service discovery.
            .WithEndpoint("http", endpoint =>
            {
                endpoint.IsProxied = false;
                endpoint.Port = null;
            })
            .WithHttpHealthCheck("/health");

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
        var name = service.Resource.Name;
        var serviceName = name.EndsWith("-api", StringComparison.Ordinal) ? name[..^"-api".Length] : name;
        var exchange = EventSubscriptions.ExchangeName(typeof(TMessage));
        var queue = EventSubscriptions.QueueName(serviceName, consumer);
        topology.WithEnvironment(Variable(EventSubscriptions.Key(EventSubscriptions.TopologySection, queue, typeof(TMessage))),
            exchange);
        return service.WithEnvironment(
            Variable(EventSubscriptions.Key(EventSubscriptions.ServiceSection, consumer, typeof(TMessage))), exchange);
    }

    private static string Variable(string key) => PlatformConfigurationKeys.AsEnvironmentVariable(key);
}
