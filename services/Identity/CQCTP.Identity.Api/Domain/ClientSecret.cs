using System.Security.Cryptography;

namespace CQCTP.Identity.Api.Domain;

/// <summary>One secret of a client, kept as a salted PBKDF2 hash.</summary>
public sealed class ClientSecret
{
    private const int Iterations = 100_000;
    private const int HashSize = 32;

    /// <summary>
    /// A hash of a secret nobody was given, with the same PBKDF2 parameters as real ones. It is checked when there is
    /// no live secret to check (unknown client id, revoked client, every secret expired), so every refusal costs one
    /// PBKDF2 run, as a wrong secret does, and the token endpoint's timing does not tell which client ids exist.
    /// </summary>
    private static readonly ClientSecret Decoy = Create("", Client.NewSecret(), DateTimeOffset.UnixEpoch);

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

    /// <summary>
    /// An integrator's secret is also its broker password: RabbitMQ's own salted hash of it, computed here because the
    /// plaintext exists only now (docs/adr/0005). Null for other kinds of clients.
    /// </summary>
    public string? BrokerPasswordHash { get; private set; }

    internal static ClientSecret Create(string clientId, string secret, DateTimeOffset now, bool brokerAccount = false)
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
            BrokerPasswordHash = brokerAccount ? RabbitMqPasswordHash.Compute(secret) : null,
        };
    }

    /// <summary>Whether <paramref name="secret"/> is one of <paramref name="candidates"/>; with none, checks the decoy and refuses.</summary>
    internal static bool MatchesAny(IReadOnlyCollection<ClientSecret> candidates, string? secret)
    {
        if (candidates.Count == 0 || secret is null)
        {
            _ = Decoy.Matches(secret ?? "");
            return false;
        }

        return candidates.Any(c => c.Matches(secret));
    }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    /// <summary>The one place a secret is checked against a hash, so the counter sees every check.</summary>
    private bool Matches(string secret)
    {
        IdentityTelemetry.SecretChecks.Add(1);
        return CryptographicOperations.FixedTimeEquals(Derive(secret, Salt, HashIterations), Hash);
    }

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
