using CQCTP.AppHost.LocalInfra;

namespace CQCTP.IntegrationTests;

public sealed class PrerequisitesTests
{
    [Fact]
    public void Require_MissingExecutable_FailsNamingThePackageToInstall()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "postgres");

        var error = Assert.Throws<MissingPrerequisiteException>(() => Prerequisites.Require(missing, "postgresql-15"));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y postgresql-15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_PresentExecutable_Passes()
    {
        var present = Environment.ProcessPath!;

        var error = Record.Exception(() => Prerequisites.Require(present, "dotnet"));

        Assert.Null(error);
    }
}
