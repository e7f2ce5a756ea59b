using CQCTP.Identity.Api.Domain;

namespace CQCTP.Identity.Api.Endpoints;

public sealed record ClientResponse(string ClientId, string DisplayName, ClientKind Kind, IReadOnlyList<string> Scopes,
    Guid? OrganizationId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, IReadOnlyList<SecretResponse> Secrets)
{
    public static ClientResponse From(Client c) =>
        new(c.ClientId, c.DisplayName, c.Kind, c.Scopes, c.OrganizationId, c.CreatedAt, c.RevokedAt,
            [.. c.Secrets.OrderBy(s => s.CreatedAt).Select(SecretResponse.From)]);
}
