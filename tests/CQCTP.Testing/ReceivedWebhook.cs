using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StandardWebhooks;

namespace CQCTP.Testing;

/// <summary>One request a test receiver got: its <c>webhook-id</c>, headers and body.</summary>
public sealed record ReceivedWebhook(string Id, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Checks the Standard Webhooks signature as a receiver would; throws when it does not verify.</summary>
    public void Verify(string secret, string? body = null) =>
        new StandardWebhook(secret).Verify(body ?? Body,
            new HeaderDictionary(Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value))));
}
