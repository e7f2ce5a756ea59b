using System.Xml.Linq;

namespace CQCTP.ArchitectureTests;

/// <summary>The checkout the tests run from, and its projects as their csproj files declare them.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every project of the solution: its name and the names of the projects it references.</summary>
    public static IReadOnlyList<ProjectInfo> Projects { get; } =
    [
        .. Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(Read)
            .OrderBy(p => p.Name, StringComparer.Ordinal),
    ];

    private static ProjectInfo Read(string path)
    {
        var document = XDocument.Load(path);
        var references = document.Descendants("ProjectReference")
            // csproj paths use backslashes, which are not separators on Linux: without this, a reference's name
            // would be its whole relative path and the rules comparing names would never match.
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
            .ToList();
        var packages = document.Descendants("PackageReference").Select(r => (string?)r.Attribute("Include") ?? "").ToList();
        var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
        return new ProjectInfo(Path.GetFileNameWithoutExtension(path), relative, references, packages);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CQCTP.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CQCTP.sln not found above the test's output folder.");
    }
}
