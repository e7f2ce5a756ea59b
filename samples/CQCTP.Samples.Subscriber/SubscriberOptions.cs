namespace CQCTP.Samples.Subscriber;

/// <summary>
/// Where and as whom the sample connects, and what it reads. <see cref="User"/> is the integrator's client id, and
/// <see cref="Password"/> its client secret (in Development: <c>dev-integrator</c> / <c>dev-integrator-secret</c>).
/// </summary>
public sealed record SubscriberOptions(string Host, int Port, string User, string Password,
    IReadOnlyList<string> Exchanges, DateTimeOffset? From = null)
{
    /// <summary>Reads <c>--host --port --user --password --exchange (repeatable) --catalogue --from</c>, then CQCTP_BROKER_* variables.</summary>
    public static SubscriberOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment,
        IReadOnlyList<string> catalogueExchanges)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(p => p.a == $"--{name}")
            .Select(p => p.i + 1 < args.Count ? args[p.i + 1] : null).LastOrDefault();

        var exchanges = args.Select((a, i) => (a, i)).Where(p => p.a == "--exchange" && p.i + 1 < args.Count)
            .Select(p => args[p.i + 1]).ToList();
        var from = Value("from");
        return new SubscriberOptions(
            Value("host") ?? environment("CQCTP_BROKER_HOST") ?? "localhost",
            int.Parse(Value("port") ?? environment("CQCTP_BROKER_PORT") ?? "5672", System.Globalization.CultureInfo.InvariantCulture),
            Value("user") ?? environment("CQCTP_BROKER_USER") ?? "dev-integrator",
            Value("password") ?? environment("CQCTP_BROKER_PASSWORD") ?? "dev-integrator-secret",
            exchanges.Count > 0 ? exchanges : catalogueExchanges,
            from is null ? null : DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The sample's own queue: an integrator may only declare <c>integrator.{client id}.*</c>.</summary>
    public string Queue => $"integrator.{User}.sample";
}
