using System.Security.Cryptography;
using System.Text.Json;
using CQCTP.Integrations.Events;
using CQCTP.ServiceDefaults;

namespace CQCTP.Integrations.Api.Catalogue;

/// <summary>
/// The public AsyncAPI document, built on first request and kept: the contracts cannot change while the service
/// runs, so one build per process, off the start-up path, with a strong ETag from its bytes.
/// </summary>
public sealed class EventCatalogue(IConfiguration configuration)
{
    /// <summary>Overrides the broker address the document names (<c>host:port</c>), e.g. a public DNS name.</summary>
    public const string BrokerHostKey = "Integrations:BrokerHost";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Lazy<(byte[] Body, string ETag)> document = new(() => Render(configuration));

    public byte[] Body => document.Value.Body;

    public string ETag => document.Value.ETag;

    private static (byte[], string) Render(IConfiguration configuration)
    {
        var json = AsyncApiDocument.Build(IntegrationEvents.Public, EventDescriptions.PublishedWhen, BrokerHost(configuration));
        var body = JsonSerializer.SerializeToUtf8Bytes(json, Indented);
        return (body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
    }

    // The host and port of the broker connection string, never its credentials.
    private static string? BrokerHost(IConfiguration configuration)
    {
        if (configuration[BrokerHostKey] is { Length: > 0 } configured)
        {
            return configured;
        }

        return Uri.TryCreate(configuration.GetConnectionString(ResourceNames.Messaging), UriKind.Absolute, out var broker)
            ? $"{broker.Host}:{(broker.IsDefaultPort || broker.Port < 0 ? 5672 : broker.Port)}"
            : null;
    }
}
