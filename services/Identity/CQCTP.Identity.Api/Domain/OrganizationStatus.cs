namespace CQCTP.Identity.Api.Domain;

/// <summary>
/// Whether a member organization may still use its portal clients, as last heard from the membership service.
/// Fed by Membership's events once messaging lands (docs/security.md); no row means nothing heard yet.
/// </summary>
public sealed class OrganizationStatus
{
    private OrganizationStatus()
    {
    }

    public Guid OrganizationId { get; private set; }
    public bool IsActiveMember { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static OrganizationStatus Record(Guid organizationId, bool isActiveMember, DateTimeOffset at) =>
        new() { OrganizationId = organizationId, IsActiveMember = isActiveMember, UpdatedAt = at };

    public void Update(bool isActiveMember, DateTimeOffset at)
    {
        // Events can arrive out of order: an older fact never overwrites a newer one.
        if (at >= UpdatedAt)
        {
            IsActiveMember = isActiveMember;
            UpdatedAt = at;
        }
    }
}

/// <summary>The RSA key that signs access tokens, kept so tokens survive restarts and replicas agree.</summary>
public sealed class SigningKey
{
    public Guid Id { get; init; }
    public required string KeyId { get; init; }

    /// <summary>PKCS#8 private key. Only the identity service can read its database; see docs/adr/0003.</summary>
    public required byte[] PrivateKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
