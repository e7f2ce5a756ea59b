using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;

namespace CQCTP.ApiConventions.Tests;

public sealed class ProblemCatalogTests
{
    private static readonly string Conventions = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "api-conventions.md"));

    public static TheoryData<string> ProblemCodes() => [.. ProblemCatalog.All.Select(k => k.Code)];

    public static TheoryData<string> FieldCodes() => [.. ValidationMessages.Codes];

    [Theory]
    [MemberData(nameof(ProblemCodes))]
    public void EveryProblemCode_IsDocumented(string code) =>
        Assert.Contains($"`{code}`", Conventions, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(FieldCodes))]
    public void EveryFieldErrorCode_IsDocumented(string code) =>
        Assert.Contains($"`{code}`", Conventions, StringComparison.Ordinal);

    [Fact]
    public void Codes_AreUniqueAndKebabCase()
    {
        var codes = ProblemCatalog.All.Select(k => k.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c));
    }

    [Theory]
    [InlineData("fr-CA", "Ressource introuvable.")]
    [InlineData("en-US", "Resource not found.")]
    public void Title_FollowsUiCulture(string culture, string expected)
    {
        using var scope = new CultureScope(culture);

        Assert.Equal(expected, ApiProblems.Create(ProblemCatalog.NotFound).Title);
    }

    [Fact]
    public void ForStatus_UnknownClientError_FallsBackToMalformedRequest() =>
        Assert.Equal(ProblemCatalog.MalformedRequest, ProblemCatalog.ForStatus(418));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CQCTP.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("CQCTP.sln not found above the test output.");
    }
}
