using CQCTP.Identity.Api.Domain;

namespace CQCTP.Identity.Api.Endpoints;

/// <summary>A secret's metadata; its value is shown once, when issued, and never stored.</summary>
public sealed record SecretResponse(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public static SecretResponse From(ClientSecret s) => new(s.Id, s.CreatedAt, s.ExpiresAt, s.RevokedAt);
}
