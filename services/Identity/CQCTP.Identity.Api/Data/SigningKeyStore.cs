using System.Security.Cryptography;
using CQCTP.Identity.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace CQCTP.Identity.Api.Data;

/// <summary>
/// Loads the token-signing RSA key from the database, creating it on the very first start. Runs as a hosted service
/// after the migrations, so the key is there before the first request configures OpenIddict.
/// </summary>
internal sealed class SigningKeyStore(IServiceScopeFactory scopes, TimeProvider clock) : IHostedService
{
    private RsaSecurityKey? key;

    public RsaSecurityKey Key => key ?? throw new InvalidOperationException("The signing key has not been loaded yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var stored = await NewestAsync(db, cancellationToken);
        if (stored is null)
        {
            using var rsa = RSA.Create(2048);
            var now = clock.GetUtcNow();
            db.SigningKeys.Add(new SigningKey
            {
                Id = Guid.CreateVersion7(now),
                KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                PrivateKey = rsa.ExportPkcs8PrivateKey(),
                CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);

            // Replicas starting together may each create one: all of them re-read and sign with the newest.
            stored = await NewestAsync(db, cancellationToken);
        }

        var loaded = RSA.Create();
        loaded.ImportPkcs8PrivateKey(stored!.PrivateKey, out _);
        key = new RsaSecurityKey(loaded) { KeyId = stored.KeyId };
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Task<SigningKey?> NewestAsync(IdentityDbContext db, CancellationToken cancellationToken) =>
        db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken);
}
