using System.Security.Cryptography;
using System.Text;

namespace CQCTP.AppHost.LocalInfra;

/// <summary>
/// Where local infrastructure keeps its data and how durable it is. <c>dotnet run</c> uses a persistent root under
/// /var/tmp (reachable by the <c>postgres</c> user, unlike /root or a 0700 temp folder); tests pass a fresh one.
/// </summary>
internal sealed record LocalInfraOptions(string DataRoot, bool Durable, int? EpmdPort)
{
    public static LocalInfraOptions From(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["LocalInfra:DataRoot"];
        var root = string.IsNullOrWhiteSpace(configured) ? DefaultDataRoot(builder.AppHostDirectory) : configured;
        var durable = !bool.TryParse(builder.Configuration["LocalInfra:Durable"], out var d) || d;
        int? epmdPort = int.TryParse(builder.Configuration["LocalInfra:EpmdPort"], out var port) ? port : null;
        return new LocalInfraOptions(Path.GetFullPath(root), durable, epmdPort);
    }

    // One root per checkout, so two clones on one machine never share a database.
    private static string DefaultDataRoot(string appHostDirectory)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appHostDirectory)))[..12];
        return Path.Combine("/var/tmp/cqctp", hash);
    }

    /// <summary>A development-only secret, generated once per data root and kept there (never in the repository).</summary>
    public string GeneratedSecret(string name)
    {
        Directory.CreateDirectory(DataRoot);
        var path = Path.Combine(DataRoot, $"{name}.dev-secret");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }
}
