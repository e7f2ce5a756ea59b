using System.Text.RegularExpressions;

namespace CQCTP.Messaging.Broker;

/// <summary>
/// A broker user's permissions on the vhost <c>/</c>: three regular expressions over resource names (queues and
/// exchanges alike). <c>configure</c> declares and deletes, <c>write</c> publishes to an exchange or binds to a queue
/// or exchange (the destination), <c>read</c> consumes a queue or is the source of a binding.
/// </summary>
public sealed record BrokerPermissions(string Configure, string Write, string Read)
{
    /// <summary>Matches no name (RabbitMQ's own convention for "nothing").</summary>
    public const string Nothing = "^$";

    /// <summary>
    /// A service: everything on its own receive endpoints (<c>{service}-*</c>: queues, their endpoint exchanges,
    /// <c>_error</c> and <c>_skipped</c>, and the bus endpoint, named the same way by AddPlatformMessaging); the
    /// exchanges of the events it publishes (MassTransit declares them, then publishes); and the exchanges of the
    /// events it consumes, which MassTransit declares and binds to its endpoint exchange when its bus starts.
    /// <paramref name="readQueues"/> are other queues it reads as they are (e.g. the replay stream).
    /// </summary>
    public static BrokerPermissions ForService(string service, IEnumerable<string> published,
        IEnumerable<string> consumed, IEnumerable<string>? readQueues = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var own = $"{Regex.Escape(service)}-.*";
        string[] publishes = [.. published.Select(Regex.Escape)];
        string[] consumes = [.. consumed.Select(Regex.Escape)];
        string[] reads = [.. (readQueues ?? []).Select(Regex.Escape)];
        return new BrokerPermissions(
            Any([own, .. publishes, .. consumes]),
            Any([own, .. publishes]),
            Any([own, .. consumes, .. reads]));
    }

    /// <summary>
    /// An integrator: declares, binds and reads its own queues <c>integrator.{client id}.*</c>; reads (as a binding's
    /// source) the public event exchanges only, and the replay stream. No exchange matches <c>write</c>, so it can
    /// publish nowhere, and no service queue matches anything.
    /// </summary>
    public static BrokerPermissions ForIntegrator(string clientId, IEnumerable<string> publicExchanges,
        string replayStream)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        var own = $"{IntegratorQueuePrefix(clientId)}.*";
        return new BrokerPermissions($"^{own}$", $"^{own}$",
            Any([own, Regex.Escape(replayStream), .. publicExchanges.Select(Regex.Escape)]));
    }

    /// <summary>Where an integrator's queues live, as a regex: <c>integrator\.{client id}\.</c>.</summary>
    public static string IntegratorQueuePrefix(string clientId) => $@"integrator\.{Regex.Escape(clientId)}\.";

    private static string Any(IEnumerable<string> alternatives) =>
        $"^({string.Join('|', alternatives.Distinct(StringComparer.Ordinal))})$";
}
