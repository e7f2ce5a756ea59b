using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Xunit;

namespace CQCTP.Testing;

/// <summary>
/// Tokens built by the test itself, signed with the identity service's real key (read from its database) unless the
/// case is about the signature: so each refusal is caused by the one thing the case changes, and a control token
/// built the same way is accepted.
/// </summary>
public sealed class ForgedTokens(RsaSecurityKey key, string issuer)
{
    public static async Task<ForgedTokens> LoadAsync(PlatformInstance platform)
    {
        await using var connection = new NpgsqlConnection(
            await platform.App.GetConnectionStringAsync(CQCTP.ServiceDefaults.ResourceNames.IdentityDb));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select key_id, private_key from signing_keys order by created_at desc limit 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the identity service has no signing key");
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey((byte[])reader["private_key"], out _);
        return new ForgedTokens(new RsaSecurityKey(rsa) { KeyId = (string)reader["key_id"] }, platform.GatewayUrl.AbsoluteUri);
    }

    public string Issuer => issuer;

    public string Create(string audience, string scope, string? issuerOverride = null, DateTime? expires = null,
        SecurityKey? signingKey = null, IDictionary<string, object>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(5);
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "forged-client",
            ["client_id"] = "forged-client",
            ["scope"] = scope,
        };
        foreach (var (name, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuerOverride ?? issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-10),
            NotBefore = expiry.AddMinutes(-10),
            Expires = expiry,
            TokenType = "at+jwt",
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A well-signed token whose payload is then changed (a scope added): the signature no longer matches.</summary>
    public string Tampered(string audience, string scope)
    {
        var parts = Create(audience, "concertation.read").Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("concertation.read", scope, StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public string WithoutSignature(string audience, string scope)
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
        var payload = Create(audience, scope).Split('.')[1];
        return $"{header}.{payload}.";
    }

    /// <summary>Same key id, different key: what an attacker who guessed the kid would sign with.</summary>
    public static RsaSecurityKey Impostor(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public string KeyId => key.KeyId;
}
