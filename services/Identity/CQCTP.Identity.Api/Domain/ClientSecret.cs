using System.Security.Cryptography;

namespace CQCTP.Identity.Api.Domain;

/// <summary>One secret of a client, kept as a salted PBKDF2 hash.</summary>
public sealed class ClientSecret
{
    private const int Iterations = 100_000;
    private const int HashSize = 32;

    private ClientSecret()
    {
    }

    public Guid Id { get; private set; }
    public string ClientId { get; private set; } = "";
    public byte[] Salt { get; private set; } = [];
    public byte[] Hash { get; private set; } = [];
    public int HashIterations { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    internal static ClientSecret Create(string clientId, string secret, DateTimeOffset now)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new ClientSecret
        {
            Id = Guid.CreateVersion7(now),
            ClientId = clientId,
            Salt = salt,
            HashIterations = Iterations,
            Hash = Derive(secret, salt, Iterations),
            CreatedAt = now,
        };
    }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    internal bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Derive(secret, Salt, HashIterations), Hash);

    internal void ExpireAt(DateTimeOffset at)
    {
        if (ExpiresAt is null || at < ExpiresAt)
        {
            ExpiresAt = at;
        }
    }

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, HashSize);
}
