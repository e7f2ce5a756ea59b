using System.Reflection;
using System.Runtime.Versioning;

namespace CQCTP.AppHost;

/// <summary>
/// Starts each project from its build output (<c>dotnet bin/{configuration}/{tfm}/{name}.dll</c>) rather than through
/// Aspire's <c>dotnet run --project … --no-build</c>. That wrapper evaluates the project with MSBuild at every start and
/// stays resident as the service's parent: 3.7 CPU-seconds and 130 MB for the gateway's, more than the gateway's own
/// start (docs/benchmarks.md, start-up). Output the AppHost's build did not produce keeps Aspire's default.
/// </summary>
internal static class BuildOutputLaunch
{
    public static void LaunchProjectsFromBuildOutput(this IDistributedApplicationBuilder builder)
    {
        // The AppHost's own build: the services were built with it (it references them), and the testing builder runs
        // this code inside a test host whose entry assembly says nothing about it.
        var appHost = typeof(BuildOutputLaunch).Assembly;
        var configuration = appHost.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        var framework = appHost.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
        if (configuration is null || framework is null)
        {
            return;
        }

        var targetFramework = $"net{new FrameworkName(framework).Version.ToString(2)}";
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var projectPath = project.GetProjectMetadata().ProjectPath;
            var directory = Path.GetDirectoryName(projectPath)!;
            var assembly = Path.Combine(directory, "bin", configuration, targetFramework,
                $"{Path.GetFileNameWithoutExtension(projectPath)}.dll");
            if (!File.Exists(assembly))
            {
                continue;
            }

            // The project's folder stays the working directory, as under dotnet run: the content root is the same.
            project.Annotations.Add(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = directory });
            builder.CreateResourceBuilder(project).WithArgs(assembly);
        }
    }
}
