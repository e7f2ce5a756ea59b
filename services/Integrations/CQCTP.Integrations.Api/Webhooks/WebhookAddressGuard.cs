using System.Net;
using System.Net.Sockets;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>
/// The SSRF guard, at registration and again at every connection: resolve, refuse if any address is refused, then
/// connect to the checked address itself (a <see cref="SocketsHttpHandler.ConnectCallback"/>), so a DNS answer that
/// changes between the check and the connection (rebinding) cannot slip in.
/// </summary>
public sealed class WebhookAddressGuard
{
    private readonly IHostResolver resolver;
    private readonly HashSet<IPAddress> allowed;

    public WebhookAddressGuard(IHostResolver resolver, IOptions<WebhookOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        this.resolver = resolver;
        // The allowlist and plain http exist for a local receiver, in Development and Testing only.
        IsLocal = environment.IsDevelopment() || environment.IsEnvironment(PlatformEnvironments.Testing);
        allowed = IsLocal
            ? [.. options.Value.AllowedAddresses.Select(a => IPAddress.Parse(a))]
            : [];
    }

    /// <summary>Development or Testing: http is allowed, and so are the listed addresses.</summary>
    public bool IsLocal { get; }

    public bool IsAllowedScheme(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme == Uri.UriSchemeHttps || (IsLocal && url.Scheme == Uri.UriSchemeHttp);
    }

    /// <summary>The addresses of <paramref name="host"/>, all of them permitted; throws when one is refused or none.</summary>
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, cancellationToken);
        }
        catch (SocketException ex)
        {
            throw new WebhookAddressRefusedException($"'{host}' does not resolve: {ex.SocketErrorCode}.");
        }

        if (addresses.Length == 0)
        {
            throw new WebhookAddressRefusedException($"'{host}' does not resolve.");
        }

        // Any refused answer refuses the host: an attacker controls which of several addresses a client picks.
        if (addresses.FirstOrDefault(a => AddressPolicy.IsRefused(a) && !allowed.Contains(Normalize(a))) is { } refused)
        {
            throw new WebhookAddressRefusedException($"'{host}' resolves to {refused}, an address webhooks may not reach.");
        }

        return addresses;
    }

    /// <summary>The handler's connect callback: the checked address, never a second resolution.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
