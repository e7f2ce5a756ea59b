using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CQCTP.Security;

/// <summary>
/// The identity service's discovery document and signing keys, fetched from its internal address. The document names
/// the public gateway URL as issuer, so its <c>jwks_uri</c> points at the gateway: the keys are fetched from the same
/// path on the internal address instead, so no service depends on the gateway to validate a token.
/// </summary>
public sealed class PlatformSigningKeys
{
    public const string HttpClientName = "identity-metadata";

    public PlatformSigningKeys(IHttpClientFactory httpClients, IConfiguration configuration, IHostEnvironment environment)
    {
        var authority = PlatformAuthentication.Authority(configuration);
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
        {
            RequireHttps = !PlatformAuthentication.AllowsPlainHttp(environment),
        };
        ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(authority, ".well-known/openid-configuration").AbsoluteUri,
            new InternalJwksRetriever(authority), retriever);
    }

    private PlatformSigningKeys(IConfigurationManager<OpenIdConnectConfiguration> configurationManager) =>
        ConfigurationManager = configurationManager;

    public IConfigurationManager<OpenIdConnectConfiguration> ConfigurationManager { get; }

    /// <summary>
    /// Fixed keys instead of the identity service's: for a test host that issues its own tokens and hands the key to
    /// the service's production validation (same issuer, audience, type and lifetime checks, same policies).
    /// </summary>
    public static PlatformSigningKeys Fixed(params SecurityKey[] keys)
    {
        var configuration = new OpenIdConnectConfiguration();
        foreach (var key in keys)
        {
            configuration.SigningKeys.Add(key);
        }

        return new PlatformSigningKeys(new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration));
    }

    private sealed class InternalJwksRetriever(Uri authority) : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever,
            CancellationToken cancel)
        {
            var configuration = OpenIdConnectConfiguration.Create(await retriever.GetDocumentAsync(address, cancel));
            var jwks = new Uri(authority, new Uri(configuration.JwksUri).PathAndQuery);
            configuration.JsonWebKeySet = JsonWebKeySet.Create(await retriever.GetDocumentAsync(jwks.AbsoluteUri, cancel));
            foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
            {
                configuration.SigningKeys.Add(key);
            }

            return configuration;
        }
    }
}
