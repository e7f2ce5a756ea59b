using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CQCTP.Security;

/// <summary>
/// JWT validation that remembers the tokens it found valid, keyed by the exact token string, until the token expires
/// (never longer than <see cref="MaxAge"/>), with at most <c>size</c> entries. One instance per authentication scheme,
/// so an entry only answers for the issuer, audiences and type that scheme checked. Only the signature and claims
/// checks are skipped on a hit: the scheme's <c>OnTokenValidated</c> (every <see cref="IAccessTokenGate"/>) still runs
/// on each request, so a client or organization refused since is refused at once. Refused tokens are never cached.
/// A keyed singleton per scheme, so the container disposes it.
/// </summary>
public sealed class CachingJsonWebTokenHandler(int size) : JsonWebTokenHandler, IDisposable
{
    /// <summary>
    /// Below the tokens' own lifetime, so a signing key the identity service withdraws stops being honoured through the
    /// cache within minutes.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly MemoryCache validated = new(new MemoryCacheOptions { SizeLimit = size });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token,
        TokenValidationParameters validationParameters)
    {
        if (validated.TryGetValue(token, out Validated? known) && known is not null)
        {
            return known.ToResult();
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken { ValidTo: var expires } && expires > DateTime.MinValue)
        {
            var until = new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc));
            var cap = DateTimeOffset.UtcNow + MaxAge;
            validated.Set(token, new Validated(result.ClaimsIdentity.Clone(), result.SecurityToken, result.Issuer,
                result.TokenType), new MemoryCacheEntryOptions { AbsoluteExpiration = until < cap ? until : cap, Size = 1 });
        }

        return result;
    }

    public void Dispose() => validated.Dispose();

    private sealed record Validated(ClaimsIdentity Identity, SecurityToken Token, string Issuer, string TokenType)
    {
        // Each request gets its own identity: handlers and events may add claims to it.
        public TokenValidationResult ToResult() => new()
        {
            IsValid = true,
            ClaimsIdentity = Identity.Clone(),
            SecurityToken = Token,
            Issuer = Issuer,
            TokenType = TokenType,
        };
    }
}
