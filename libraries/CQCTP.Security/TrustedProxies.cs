using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CQCTP.Security;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the configured proxies only (section
/// <c>ForwardedHeaders</c>: <c>KnownProxies</c> addresses, <c>KnownNetworks</c> CIDR ranges), so the token endpoint's
/// per-address limit counts the caller behind the gateway, and OpenIddict sees https when TLS ends at the gateway.
/// The host is never taken from a header: discovery names the configured issuer.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        // Post-configured, so it also overrides ASP.NET Core's own set-up for ASPNETCORE_FORWARDEDHEADERS_ENABLED,
        // which trusts every sender.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // The middleware trusts everyone when both lists are empty: with no proxy configured, forward nothing.
            options.ForwardedHeaders = proxies.Length + networks.Length > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });
        return builder;
    }
}
