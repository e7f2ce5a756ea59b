using System.Security.Cryptography;
using System.Text;

namespace CQCTP.AppHost.LocalInfra;

/// <summary>
/// Where local infrastructure keeps its data and how durable it is. <c>dotnet run</c> uses a persistent root under
/// /var/tmp (reachable by the <c>postgres</c> user, unlike /root or a 0700 temp folder); tests pass a fresh one.
/// The broker listens on stable ports integrators can be told (<c>LocalInfra:AmqpPort</c>, 5672, and
/// <c>LocalInfra:ManagementPort</c>, 15672); <c>0</c> lets the orchestrator pick free ones, as the tests do.
/// </summary>
internal sealed record LocalInfraOptions(string DataRoot, bool Durable, int? EpmdPort, int? AmqpPort, int? ManagementPort)
{
    public const int DefaultAmqpPort = 5672;
    public const int DefaultManagementPort = 15672;

    public static LocalInfraOptions From(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["LocalInfra:DataRoot"];
        var root = string.IsNullOrWhiteSpace(configured) ? DefaultDataRoot(builder.AppHostDirectory) : configured;
        var durable = !bool.TryParse(builder.Configuration["LocalInfra:Durable"], out var d) || d;
        int? epmdPort = int.TryParse(builder.Configuration["LocalInfra:EpmdPort"], out var port) ? port : null;
        return new LocalInfraOptions(Path.GetFullPath(root), durable, epmdPort,
            Port(builder.Configuration["LocalInfra:AmqpPort"], DefaultAmqpPort),
            Port(builder.Configuration["LocalInfra:ManagementPort"], DefaultManagementPort));
    }

    // Unset: the default; 0: a free port chosen at each start (null for the orchestrator).
    private static int? Port(string? configured, int fallback)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return fallback;
        }

        var port = int.Parse(configured, System.Globalization.CultureInfo.InvariantCulture);
        return port is >= 0 and <= 65535
            ? port == 0 ? null : port
            : throw new InvalidOperationException($"A port is 0 (any free one) to 65535, not {port}.");
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
