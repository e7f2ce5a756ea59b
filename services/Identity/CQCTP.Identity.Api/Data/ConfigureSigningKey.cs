using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace CQCTP.Identity.Api.Data;

internal sealed class ConfigureSigningKey(SigningKeyStore store) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options) =>
        options.SigningCredentials.Add(new SigningCredentials(store.Key, SecurityAlgorithms.RsaSha256));
}
