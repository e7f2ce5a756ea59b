using System.Security.Cryptography;
using CQCTP.ApiConventions;
using CQCTP.ApiConventions.Data;
using CQCTP.Identity.Api.Broker;
using CQCTP.Identity.Api.Consumers;
using CQCTP.Identity.Api.Data;
using CQCTP.Identity.Api.Endpoints;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging;
using CQCTP.Security;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace CQCTP.Identity.Api.Extensions;

public static class IdentityApi
{
    public const string Service = "identity";

    /// <summary>Access tokens live 10 minutes: a revoked client loses access within that, without introspection.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(10);

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<IdentityDbContext>(Service, "CQCTP — Identité / Identity", ResourceNames.IdentityDb);
        builder.Services.AddDevelopmentFixtureSeeder<IdentityDbContext, DevelopmentClientsSeeder>();
        builder.AddPlatformAuthentication(Service);
        builder.AddTrustedProxies();
        builder.AddTokenRateLimits();
        // Membership's status changes close (and reopen) a member's portal: the token endpoint reads what this keeps.
        builder.AddPlatformMessaging<IdentityDbContext>(Service, ResourceNames.IdentityDb, messaging => messaging
            .Consume<MembershipStatusChanged, OrganizationStatusProjection>(OrganizationStatusProjection.Consumer));

        // After the migrations (registered by AddPlatformService), before the first request.
        builder.Services.AddSingleton<SigningKeyStore>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SigningKeyStore>());
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ConfigureSigningKey>();
        // Integrators' broker users follow their clients (docs/adr/0005).
        builder.Services.AddOptions<BrokerProvisioningOptions>()
            .Bind(builder.Configuration.GetSection(BrokerProvisioningOptions.Section));
        builder.Services.AddSingleton<IntegratorBrokerAccounts>();
        builder.Services.AddHostedService<IntegratorBrokerReconciler>();
        builder.Services.AddSingleton<StoredClientsCheck>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StoredClientsCheck>());

        var issuer = new Uri(PlatformAuthentication.Issuer(builder.Configuration));
        var plainHttpAllowed = PlatformAuthentication.AllowsPlainHttp(builder.Environment);
        builder.Services.AddOpenIddict()
            .AddServer(options =>
            {
                // The issuer is the public gateway URL, not the request host (which the gateway rewrites); so are
                // the endpoints that discovery advertises.
                options.SetIssuer(issuer);
                options.AddEventHandler(PublicDiscoveryEndpoints.Descriptor);
                options.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                options.AllowClientCredentialsFlow();
                options.RegisterScopes([.. Scopes.All]);
                options.SetAccessTokenLifetime(AccessTokenLifetime);

                // Services validate plain signed JWTs with the stock JwtBearer handler: no encryption.
                options.DisableAccessTokenEncryption();
                // Required by OpenIddict for the tokens it encrypts; this grant issues none, so a restart loses nothing.
                // A random AES key rather than AddEphemeralEncryptionKey's RSA one, whose generation on the first
                // request took over a third of this service's start-up CPU (docs/benchmarks.md, start-up).
                options.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));

                // Clients live in our own tables (secrets with a rotation grace period): OpenIddict's stores are
                // off and ClientCredentialsValidator authenticates clients. See docs/adr/0003.
                options.EnableDegradedMode();
                options.DisableTokenStorage();
                options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler =>
                    handler.UseScopedHandler<ClientCredentialsValidator>());

                var aspNetCore = options.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (plainHttpAllowed)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        return builder;
    }
}
