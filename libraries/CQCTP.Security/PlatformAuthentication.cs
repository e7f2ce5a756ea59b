using CQCTP.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CQCTP.Security;

public static partial class PlatformAuthentication
{
    /// <summary>
    /// Tokens found valid that each scheme remembers (<see cref="CachingJsonWebTokenHandler"/>); 0, the default, validates
    /// every token's signature and claims on every request. The gateway sets it (its appsettings.json).
    /// </summary>
    public const string ValidatedTokenCacheSizeKey = "Auth:ValidatedTokenCacheSize";

    /// <summary>Access tokens are short-lived; a clock drift beyond this is a misconfigured host.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// JWT bearer validation against the identity service, one named policy per scope of this service, and a fallback
    /// that refuses anonymous callers: an endpoint is public only if it says <c>AllowAnonymous()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder,
        string service, Action<AuthorizationBuilder>? policies = null)
    {
        var audience = Audiences.Of(service);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddPlatformJwtBearer(builder, JwtBearerDefaults.AuthenticationScheme, [audience]);

        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var scope in Scopes.All.Where(s => Scopes.AudiencesOf(s).Contains(audience)))
        {
            authorization.AddPolicy(scope, policy => policy.RequireScope(scope));
        }

        policies?.Invoke(authorization);
        return builder;
    }

    /// <summary>
    /// A JWT bearer scheme that trusts the identity service's keys and accepts only the platform's issuer
    /// and the given audiences. Used by the services (their own audience) and the gateway (one scheme per API).
    /// </summary>
    public static AuthenticationBuilder AddPlatformJwtBearer(this AuthenticationBuilder authentication,
        IHostApplicationBuilder builder, string scheme, IReadOnlyList<string> audiences)
    {
        var issuer = Issuer(builder.Configuration);
        var cacheSize = builder.Configuration.GetValue(ValidatedTokenCacheSizeKey, 0);
        var plainHttpAllowed = AllowsPlainHttp(builder.Environment);
        authentication.Services.AddHttpClient(PlatformSigningKeys.HttpClientName);
        authentication.Services.AddSingleton<PlatformSigningKeys>();
        authentication.AddJwtBearer(scheme);
        if (cacheSize > 0)
        {
            // Claim names as issued, like the default handler once MapInboundClaims is off.
            authentication.Services.AddKeyedSingleton(scheme,
                (_, _) => new CachingJsonWebTokenHandler(cacheSize) { MapInboundClaims = false });
        }

        authentication.Services.AddOptions<JwtBearerOptions>(scheme)
            .Configure<PlatformSigningKeys, IServiceProvider>((options, keys, services) =>
            {
                options.MapInboundClaims = false;
                if (cacheSize > 0)
                {
                    options.TokenHandlers.Clear();
                    options.TokenHandlers.Add(services.GetRequiredKeyedService<CachingJsonWebTokenHandler>(scheme));
                }

                options.RequireHttpsMetadata = !plainHttpAllowed;
                options.ConfigurationManager = keys.ConfigurationManager;
                options.RefreshOnIssuerKeyNotFound = true;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer,
                    ValidAudiences = audiences,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    // OpenIddict types its access tokens (RFC 9068): an identity token or any other JWT is refused.
                    ValidTypes = ["at+jwt"],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = ClockSkew,
                    NameClaimType = PlatformClaims.Subject,
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = RefuseClosedGatesAsync,
                    // Callers get the standard error="invalid_token" (RFC 6750 §3.1); which check failed (lifetime,
                    // audience, signature…) would help an attacker more than a client, so it goes to the log only.
                    OnChallenge = context =>
                    {
                        if (context.AuthenticateFailure is { } failure)
                        {
                            LogRefusedToken(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                                .CreateLogger(typeof(PlatformAuthentication)), failure.Message);
                        }

                        context.ErrorDescription = null;
                        context.ErrorUri = null;
                        return Task.CompletedTask;
                    },
                    // The status code pages write the ProblemDetails body; the header says why (RFC 6750 §3.1).
                    OnForbidden = context =>
                    {
                        context.Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
                        return Task.CompletedTask;
                    },
                };
            });
        return authentication;
    }

    /// <summary>The public gateway URL, as it appears in the tokens' <c>iss</c> claim (normalized with a trailing slash).</summary>
    public static string Issuer(IConfiguration configuration) =>
        new Uri(configuration[PlatformConfigurationKeys.AuthIssuer]
            ?? throw new InvalidOperationException($"{PlatformConfigurationKeys.AuthIssuer} (the public gateway URL) is not configured.")).AbsoluteUri;

    /// <summary>The identity service's internal address (service discovery), where the signing keys are fetched.</summary>
    public static Uri Authority(IConfiguration configuration) =>
        new(configuration[PlatformConfigurationKeys.AuthAuthority] ?? $"http://{ResourceNames.IdentityApi}");

    /// <summary>Plain-http metadata and token endpoints are for a developer's machine and the tests only.</summary>
    public static bool AllowsPlainHttp(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(PlatformEnvironments.Testing);

    private static async Task RefuseClosedGatesAsync(TokenValidatedContext context)
    {
        if (context.Principal is null)
        {
            return;
        }

        foreach (var gate in context.HttpContext.RequestServices.GetServices<IAccessTokenGate>())
        {
            if (!await gate.AllowsAsync(context.Principal, context.HttpContext.RequestAborted))
            {
                context.Fail("The token's client may no longer use this API.");
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access token refused: {Reason}")]
    private static partial void LogRefusedToken(ILogger logger, string reason);
}
