using CQCTP.AppHost.LocalInfra;

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
}
