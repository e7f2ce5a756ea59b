namespace CQCTP.AppHost.LocalInfra;

/// <summary>Fails the AppHost at once, naming the package to install, when an executable is missing.</summary>
public static class Prerequisites
{
    public const string PostgresBin = "/usr/lib/postgresql/15/bin";
    public const string RabbitMQServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public static void Require(string path, string package)
    {
        if (!File.Exists(path))
        {
            throw new MissingPrerequisiteException(
                $"{path} is missing. Install it with: sudo apt-get install -y {package} (or run scripts/install-prerequisites.sh).");
        }
    }

    public static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
}
