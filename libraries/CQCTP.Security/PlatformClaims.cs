namespace CQCTP.Security;

/// <summary>Claims the platform's access tokens carry (names as in the JWT: inbound claim mapping is off).</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";

    /// <summary>OpenIddict puts every granted scope in this one claim, separated by spaces (RFC 8693 / RFC 9068).</summary>
    public const string Scope = "scope";

    /// <summary>The member organization a portal client acts for.</summary>
    public const string OrganizationId = "organization_id";
}
