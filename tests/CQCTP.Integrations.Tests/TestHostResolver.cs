using System.Collections.Concurrent;
using System.Net;
using CQCTP.Integrations.Api.Webhooks;

namespace CQCTP.Integrations.Tests;

/// <summary>Injected DNS answers for chosen names (e.g. a rebinding host); other names resolve as usual.</summary>
public sealed class TestHostResolver : IHostResolver
{
    private readonly DnsHostResolver system = new();

    public ConcurrentDictionary<string, IPAddress[]> Answers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Answers.TryGetValue(host, out var answer) ? Task.FromResult(answer) : system.ResolveAsync(host, cancellationToken);
}
