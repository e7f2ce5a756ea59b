using System.Net;

namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>Resolves a receiver's host name; tests inject answers (no test ever connects to a non-loopback address).</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
