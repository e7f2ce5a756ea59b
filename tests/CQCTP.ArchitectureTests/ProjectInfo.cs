namespace CQCTP.ArchitectureTests;

/// <summary>A project as its csproj declares it: where it is and what it references.</summary>
internal sealed record ProjectInfo(string Name, string Path, IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<string> PackageReferences)
{
    public bool IsServiceApi => Path.StartsWith("services/", StringComparison.Ordinal) && Name.EndsWith(".Api", StringComparison.Ordinal);

    public bool IsContracts => Name.EndsWith(".Contracts", StringComparison.Ordinal);

    /// <summary>The libraries every service shares: they must not know any domain.</summary>
    public bool IsSharedInfrastructure => Path.StartsWith("libraries/", StringComparison.Ordinal)
        || Name is "CQCTP.ServiceDefaults" or "CQCTP.Messaging";

    /// <summary>A domain project: a service's API or its contracts.</summary>
    public bool IsDomain => IsServiceApi || IsContracts;
}
