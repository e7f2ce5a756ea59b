using System.Text.RegularExpressions;

namespace CQCTP.AppHost.LocalInfra;

/// <summary>
/// The broker's <c>enabled_plugins</c> file (an Erlang list: <c>[rabbitmq_management].</c>), rewritten at every start
/// so a data folder made before a plugin was required gets it too; plugins someone enabled by hand are kept.
/// </summary>
public static partial class EnabledPlugins
{
    /// <summary>What the platform needs: the management UI and HTTP API, shown on the dashboard beside the broker.</summary>
    public static IReadOnlyList<string> Required { get; } = ["rabbitmq_management"];

    /// <summary>The file's new content: the required plugins, then any other the current content lists.</summary>
    public static string Merge(string? current, IEnumerable<string> required)
    {
        var plugins = required.Concat(PluginName().Matches(current ?? "").Select(m => m.Value))
            .Distinct(StringComparer.Ordinal);
        return $"[{string.Join(',', plugins)}].";
    }

    [GeneratedRegex("[a-z][a-z0-9_]*")]
    private static partial Regex PluginName();
}
