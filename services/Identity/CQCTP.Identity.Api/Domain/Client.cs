using System.Security.Cryptography;

namespace CQCTP.Identity.Api.Domain;

/// <summary>A server-side OAuth 2.0 client (client credentials grant) and its secrets.</summary>
public sealed class Client
{
    /// <summary>After a rotation, the previous secrets keep working this long unless revoked, so callers can roll over.</summary>
    public static readonly TimeSpan RotationGrace = TimeSpan.FromHours(24);

    private readonly List<ClientSecret> secrets = [];

    private Client()
    {
    }

    public string ClientId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public ClientKind Kind { get; private set; }
    public List<string> Scopes { get; private set; } = [];
    public Guid? OrganizationId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public IReadOnlyList<ClientSecret> Secrets => secrets;

    /// <summary>Registers a client with the given (or a newly generated) secret; the secret is never stored, only its hash.</summary>
    public static Client Register(string clientId, string displayName, ClientKind kind, IEnumerable<string> scopes,
        Guid? organizationId, string secret, DateTimeOffset now)
    {
        var client = new Client
        {
            ClientId = clientId,
            DisplayName = displayName,
            Kind = kind,
            Scopes = [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            OrganizationId = organizationId,
            CreatedAt = now,
        };
        client.secrets.Add(ClientSecret.Create(clientId, secret, now, kind == ClientKind.Integrator));
        return client;
    }

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Adds a new secret; the current ones stay valid for <see cref="RotationGrace"/> unless revoked.</summary>
    public ClientSecret Rotate(string secret, DateTimeOffset now)
    {
        foreach (var current in secrets.Where(s => s.IsValidAt(now)))
        {
            current.ExpireAt(now + RotationGrace);
        }

        var added = ClientSecret.Create(ClientId, secret, now, Kind == ClientKind.Integrator);
        secrets.Add(added);
        return added;
    }

    /// <summary>
    /// The broker password hash an integrator's broker user should have now: its newest live secret's. The broker
    /// keeps one password per user, so a rotation moves it to the new secret at once (no grace period there). Null:
    /// the client should have no broker user (not an integrator, revoked, or no live secret).
    /// </summary>
    public string? BrokerPasswordHashAt(DateTimeOffset now) =>
        Kind != ClientKind.Integrator || RevokedAt is not null
            ? null
            : secrets.Where(s => s.IsValidAt(now) && s.BrokerPasswordHash is not null)
                .OrderByDescending(s => s.CreatedAt).Select(s => s.BrokerPasswordHash).FirstOrDefault();

    public bool RevokeSecret(Guid secretId, DateTimeOffset now)
    {
        var secret = secrets.SingleOrDefault(s => s.Id == secretId);
        secret?.Revoke(now);
        return secret is not null;
    }

    /// <summary>Refuses every new token at once; tokens already issued expire within their 10 minutes.</summary>
    public void Revoke(DateTimeOffset now)
    {
        RevokedAt ??= now;
        foreach (var secret in secrets)
        {
            secret.Revoke(now);
        }
    }

    /// <summary>
    /// Whether <paramref name="secret"/> is one of the client's live secrets. A revoked client, or one without a live
    /// secret, still costs one PBKDF2 run (<see cref="ClientSecret.MatchesAny"/>).
    /// </summary>
    public bool Authenticates(string? secret, DateTimeOffset now) =>
        ClientSecret.MatchesAny(RevokedAt is null ? [.. secrets.Where(s => s.IsValidAt(now))] : [], secret);

    /// <summary>Refuses a client id that names no client, after the same PBKDF2 run as a wrong secret.</summary>
    public static bool AuthenticatesUnknown(string? secret) => ClientSecret.MatchesAny([], secret);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
