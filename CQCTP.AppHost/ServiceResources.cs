using CQCTP.AppHost.LocalInfra;
using CQCTP.ServiceDefaults.Security;

namespace CQCTP.AppHost;

internal static class ServiceResources
{
    /// <summary>A domain service: its own database, the broker, and the AppHost's environment (Development, Testing…).</summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder,
        string name, IResourceBuilder<LocalPostgresDatabaseResource> database,
        IResourceBuilder<LocalRabbitMQResource> messaging)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithReference(database).WaitFor(database)
            .WithReference(messaging).WaitFor(messaging)
            .WithHttpHealthCheck("/health");

    /// <summary>Validates tokens with the identity service's keys, fetched from <c>http://identity-api</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(this IResourceBuilder<ProjectResource> resource,
        IResourceBuilder<ProjectResource> identity) =>
        resource.WithReference(identity).WaitFor(identity);

    /// <summary>The issuer URL that the identity service writes into tokens and every validator expects.</summary>
    public static IResourceBuilder<ProjectResource> WithTokenIssuer(this IResourceBuilder<ProjectResource> resource,
        EndpointReference issuer) =>
        resource.WithEnvironment(PlatformAuthentication.IssuerKey.Replace(":", "__", StringComparison.Ordinal), issuer);
}
