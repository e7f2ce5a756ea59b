using CQCTP.AppHost.LocalInfra;
using CQCTP.ServiceDefaults.Security;

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
        resource.WithEnvironment(PlatformAuthentication.IssuerKey.Replace(":", "__", StringComparison.Ordinal), issuer);
}
