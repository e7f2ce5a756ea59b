namespace CQCTP.Identity.Api.Endpoints;

public sealed record IssuedSecretResponse(string ClientId, Guid SecretId, string ClientSecret, ClientResponse Client);
