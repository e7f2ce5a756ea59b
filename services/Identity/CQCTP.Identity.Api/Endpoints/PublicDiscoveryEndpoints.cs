using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CQCTP.Identity.Api.Endpoints;

/// <summary>
/// Advertises every endpoint of the discovery document under the issuer, the public gateway URL (<c>Auth:Issuer</c>).
/// OpenIddict builds them from the request's own address: behind the gateway that is the identity service's internal
/// address, and sent straight to the service it is whatever <c>Host</c> the caller wrote. Either way a client would be
/// sent around the gateway, or to an attacker's host.
/// </summary>
public sealed class PublicDiscoveryEndpoints : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<PublicDiscoveryEndpoints>()
            // Right after OpenIddict's own handler has filled in the request-based addresses.
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var issuer = context.Options.Issuer
            ?? throw new InvalidOperationException("The issuer (the public gateway URL) is not configured.");
        var requestBase = context.BaseUri
            ?? throw new InvalidOperationException("OpenIddict gave no base address for the discovery request.");

        context.AuthorizationEndpoint = Pin(context.AuthorizationEndpoint);
        context.DeviceAuthorizationEndpoint = Pin(context.DeviceAuthorizationEndpoint);
        context.EndSessionEndpoint = Pin(context.EndSessionEndpoint);
        context.IntrospectionEndpoint = Pin(context.IntrospectionEndpoint);
        context.JsonWebKeySetEndpoint = Pin(context.JsonWebKeySetEndpoint);
        context.PushedAuthorizationEndpoint = Pin(context.PushedAuthorizationEndpoint);
        context.RevocationEndpoint = Pin(context.RevocationEndpoint);
        context.TokenEndpoint = Pin(context.TokenEndpoint);
        context.UserInfoEndpoint = Pin(context.UserInfoEndpoint);
        return ValueTask.CompletedTask;

        // The same path, under the issuer instead of the request's address.
        Uri? Pin(Uri? endpoint) => endpoint is null ? null : new Uri(issuer, requestBase.MakeRelativeUri(endpoint));
    }
}
