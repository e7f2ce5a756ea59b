namespace CQCTP.ArchitectureTests;

/// <summary>
/// The dependency rules of docs/architecture.md, as functions over the projects' declared references, so each test can
/// run a rule on the real solution and once on a deliberately broken one.
/// </summary>
internal static class DependencyRules
{
    /// <summary>
    /// The one project that references every contracts project: the list of integration events the catalogue, the
    /// replay stream and the integrators' broker permissions are built from.
    /// </summary>
    public const string IntegrationEvents = "CQCTP.Integrations.Events";

    /// <summary>Base-library packages a contracts project may use: none. Contracts are plain records.</summary>
    private static readonly string[] ContractPackages = [];

    /// <summary>A service's API referencing another service's API: services talk only through events.</summary>
    public static IEnumerable<string> ServiceReferencingAnotherServiceApi(IEnumerable<ProjectInfo> projects) =>
        projects.Where(p => p.IsServiceApi)
            .SelectMany(p => p.ProjectReferences
                .Where(r => r.EndsWith(".Api", StringComparison.Ordinal) && r != p.Name)
                .Select(r => $"{p.Name} → {r}"));

    /// <summary>A contracts project referencing anything (a project or a package): contracts need only the base library.</summary>
    public static IEnumerable<string> ContractsReferencingMoreThanTheBaseLibrary(IEnumerable<ProjectInfo> projects) =>
        projects.Where(p => p.IsContracts)
            .SelectMany(p => p.ProjectReferences.Concat(p.PackageReferences.Except(ContractPackages))
                .Select(r => $"{p.Name} → {r}"));

    /// <summary>Shared infrastructure referencing a domain project (a service's API or contracts).</summary>
    public static IEnumerable<string> SharedInfrastructureReferencingADomain(IReadOnlyCollection<ProjectInfo> projects)
    {
        var domains = projects.Where(p => p.IsDomain).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return projects.Where(p => p.IsSharedInfrastructure)
            .SelectMany(p => p.ProjectReferences.Where(domains.Contains).Select(r => $"{p.Name} → {r}"));
    }

    /// <summary>
    /// A contracts project the integration events project does not reference: its events would be missing from the
    /// integrators' catalogue, replay and webhooks (which find them among the assemblies deployed with it).
    /// </summary>
    public static IEnumerable<string> ContractsMissingFromIntegrations(IReadOnlyCollection<ProjectInfo> projects)
    {
        var integrations = projects.SingleOrDefault(p => p.Name == IntegrationEvents);
        return projects.Where(p => p.IsContracts && integrations?.ProjectReferences.Contains(p.Name) != true)
            .Select(p => $"{IntegrationEvents} does not reference {p.Name}");
    }
}
