namespace CQCTP.Identity.Api.Domain;

/// <summary>The RSA key that signs access tokens, kept so tokens survive restarts and replicas agree.</summary>
public sealed class SigningKey
{
    public Guid Id { get; init; }
    public required string KeyId { get; init; }

    /// <summary>PKCS#8 private key. Only the identity service can read its database; see docs/adr/0003.</summary>
    public required byte[] PrivateKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
