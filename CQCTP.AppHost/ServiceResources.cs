using CQCTP.AppHost.LocalInfra;

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
}
