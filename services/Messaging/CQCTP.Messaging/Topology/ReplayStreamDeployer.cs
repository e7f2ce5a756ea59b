using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using RabbitMQ.Client;

namespace CQCTP.Messaging.Topology;

/// <summary>
/// Declares the replay stream (a RabbitMQ stream queue) bound to the given event exchanges, with its retention set by
/// a policy through the management HTTP API: a stream's declared <c>x-max-age</c> cannot change once it exists,
/// whereas a changed policy applies to the existing stream (docs/adr/0006-replay-from-a-stream.md).
/// </summary>
public static class ReplayStreamDeployer
{
    /// <summary>Above any policy an operator might add for all queues.</summary>
    public const int PolicyPriority = 100;

    /// <summary>The retention policy's name: <c>integrations.events-retention</c>.</summary>
    public static string PolicyName(string stream) => $"{stream}-retention";

    public static async Task DeployAsync(Uri broker, Uri management, string stream, IEnumerable<string> exchanges,
        TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(exchanges);
        // The policy first: the stream never exists without a retention.
        await SetRetentionAsync(broker, management, stream, retention, cancellationToken);

        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "cqctp-topology-replay" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(stream, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "stream" },
            cancellationToken: cancellationToken);
        foreach (var exchange in exchanges)
        {
            // As MassTransit declares a message type's exchange, so whichever comes first, both agree.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false,
                cancellationToken: cancellationToken);
            await channel.QueueBindAsync(stream, exchange, "", cancellationToken: cancellationToken);
        }
    }

    /// <summary>Creates or replaces the stream's retention policy (<c>max-age</c>).</summary>
    public static async Task SetRetentionAsync(Uri broker, Uri management, string stream, TimeSpan retention,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        using var client = ManagementClient(broker, management);
        var policy = new Dictionary<string, object>
        {
            ["pattern"] = $"^{System.Text.RegularExpressions.Regex.Escape(stream)}$",
            ["definition"] = new Dictionary<string, object> { ["max-age"] = MaxAge(retention) },
            ["priority"] = PolicyPriority,
            ["apply-to"] = "queues",
        };
        using var response = await client.PutAsJsonAsync(
            $"api/policies/{Uri.EscapeDataString(VirtualHost(broker))}/{Uri.EscapeDataString(PolicyName(stream))}",
            policy, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"The broker refused the retention policy of '{stream}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>RabbitMQ's <c>max-age</c> syntax: whole days as <c>30D</c>, else hours, minutes or seconds.</summary>
    public static string MaxAge(TimeSpan retention)
    {
        if (retention < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention, "A retention of at least one second.");
        }

        var inv = CultureInfo.InvariantCulture;
        return retention switch
        {
            { Ticks: var t } when t % TimeSpan.TicksPerDay == 0 => string.Create(inv, $"{(long)retention.TotalDays}D"),
            { Ticks: var t } when t % TimeSpan.TicksPerHour == 0 => string.Create(inv, $"{(long)retention.TotalHours}h"),
            { Ticks: var t } when t % TimeSpan.TicksPerMinute == 0 => string.Create(inv, $"{(long)retention.TotalMinutes}m"),
            _ => string.Create(inv, $"{(long)retention.TotalSeconds}s"),
        };
    }

    /// <summary>The vhost of an AMQP URI: its path, <c>/</c> when empty.</summary>
    public static string VirtualHost(Uri broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var path = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        return path.Length == 0 ? "/" : path;
    }

    /// <summary>A client of the management API with the AMQP URI's account (the topology step's administrator).</summary>
    public static HttpClient ManagementClient(Uri broker, Uri management)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(management);
        var client = new HttpClient
        {
            BaseAddress = new Uri(management.AbsoluteUri.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(broker.UserInfo))));
        return client;
    }
}
