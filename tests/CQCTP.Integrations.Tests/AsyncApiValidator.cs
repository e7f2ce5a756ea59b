using System.Diagnostics;

namespace CQCTP.Integrations.Tests;

/// <summary>
/// Runs <c>tests/asyncapi-validate/validate.mjs</c> (<c>@asyncapi/parser</c> 3.x from npm, installed by
/// <c>scripts/install-prerequisites.sh</c>) on a document. Node or the parser missing is a failure, never a skip.
/// </summary>
internal static class AsyncApiValidator
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "tests", "asyncapi-validate");

    public static async Task<(int ExitCode, string Output)> ValidateAsync(string json)
    {
        Assert.True(File.Exists(Path.Combine(Folder, "node_modules", "@asyncapi", "parser", "package.json")),
            $"@asyncapi/parser is not installed in {Folder}: run scripts/install-prerequisites.sh (npm ci there).");
        var file = Path.Combine(Path.GetTempPath(), $"asyncapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var start = new ProcessStartInfo("node", ["validate.mjs", file])
            {
                WorkingDirectory = Folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process? node;
            try
            {
                node = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException(
                    "Node.js (18 or later) is required to validate the AsyncAPI document: run scripts/install-prerequisites.sh.", ex);
            }

            using var process = node ?? throw new InvalidOperationException("node did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RepositoryRoot()
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
