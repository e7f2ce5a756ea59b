using System.Security.Claims;
using System.Security.Cryptography;
using CQCTP.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CQCTP.Testing.Services;

/// <summary>
/// Signs access tokens shaped like the identity service's (RS256, <c>at+jwt</c>, issuer, audience, space-separated
/// <c>scope</c>, <c>client_id</c>, <c>organization_id</c>) with a key the service under test is handed, so the
/// service's production validation and policies decide, with no test authentication handler.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    private readonly RSA rsa = RSA.Create(2048);
    private readonly JsonWebTokenHandler handler = new();

    public TestTokenIssuer(Uri issuer)
    {
        Issuer = issuer.AbsoluteUri;
        SigningKey = new RsaSecurityKey(rsa) { KeyId = "fast-tests" };
    }

    public string Issuer { get; }

    public SecurityKey SigningKey { get; }

    public string Issue(TestCaller caller, string audience, TimeSpan? lifetime = null, DateTime? now = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var issuedAt = now ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = caller.ClientId,
            [PlatformClaims.ClientId] = caller.ClientId,
            [PlatformClaims.Scope] = string.Join(' ', caller.Scopes),
        };
        if (caller.OrganizationId is { } organization)
        {
            claims[PlatformClaims.OrganizationId] = organization.ToString();
        }

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            TokenType = "at+jwt",
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromMinutes(10)),
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => rsa.Dispose();
}
