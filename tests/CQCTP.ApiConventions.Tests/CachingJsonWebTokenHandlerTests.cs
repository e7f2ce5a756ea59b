using System.Security.Claims;
using System.Security.Cryptography;
using CQCTP.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CQCTP.ApiConventions.Tests;

/// <summary>The gateway's validated-token cache: what it remembers, what it never does.</summary>
public sealed class CachingJsonWebTokenHandlerTests : IDisposable
{
    private const string Issuer = "https://gateway.example/";
    private const string Audience = "membership-api";

    private readonly RSA rsa = RSA.Create(2048);
    private readonly RSA other = RSA.Create(2048);
    private readonly CachingJsonWebTokenHandler handler = new(100);

    [Fact]
    public async Task AValidToken_IsRemembered_AndEachRequestGetsItsOwnIdentity()
    {
        var token = Token(new RsaSecurityKey(rsa));

        var first = await handler.ValidateTokenAsync(token, Parameters(new RsaSecurityKey(rsa)));
        // Keys that would refuse it: only a remembered answer can still accept it.
        var second = await handler.ValidateTokenAsync(token, Parameters(new RsaSecurityKey(other)));

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("dev-staff", second.ClaimsIdentity.FindFirst("client_id")?.Value);
    }

    [Fact]
    public async Task ARefusedToken_IsNeverRemembered()
    {
        var forged = Token(new RsaSecurityKey(other));

        var first = await handler.ValidateTokenAsync(forged, Parameters(new RsaSecurityKey(rsa)));
        var second = await handler.ValidateTokenAsync(forged, Parameters(new RsaSecurityKey(rsa)));

        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
    }

    [Fact]
    public async Task AnotherToken_IsValidatedInFull()
    {
        await handler.ValidateTokenAsync(Token(new RsaSecurityKey(rsa)), Parameters(new RsaSecurityKey(rsa)));

        var forged = await handler.ValidateTokenAsync(Token(new RsaSecurityKey(other)), Parameters(new RsaSecurityKey(rsa)));

        Assert.False(forged.IsValid);
    }

    public void Dispose()
    {
        handler.Dispose();
        rsa.Dispose();
        other.Dispose();
    }

    private static string Token(SecurityKey key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        TokenType = "at+jwt",
        Expires = DateTime.UtcNow.AddMinutes(10),
        Subject = new ClaimsIdentity([new Claim("client_id", "dev-staff"), new Claim("jti", Guid.NewGuid().ToString())]),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    });

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        ValidTypes = ["at+jwt"],
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
    };
}
