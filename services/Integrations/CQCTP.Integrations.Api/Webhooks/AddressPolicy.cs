using System.Net;
using System.Net.Sockets;

namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>
/// Addresses a webhook may never reach (SSRF): loopback, private (RFC 1918, fc00::/7), link-local (169.254/16 with the
/// cloud metadata address, fe80::/10), CGNAT 100.64/10, unspecified, multicast and broadcast, also as IPv4-mapped IPv6.
/// </summary>
public static class AddressPolicy
{
    public static bool IsRefused(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 0                                   // 0.0.0.0/8 ("this network")
                || b[0] == 10                                  // 10/8
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)   // 172.16/12
                || (b[0] == 192 && b[1] == 168)                // 192.168/16
                || (b[0] == 169 && b[1] == 254)                // link-local and 169.254.169.254 (metadata)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)  // CGNAT 100.64/10
                || b[0] >= 224;                                // multicast 224/4 and reserved 240/4
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc                       // unique local fc00::/7
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b); // NAT64 64:ff9b::/96 hides IPv4
        }

        return true;
    }
}
