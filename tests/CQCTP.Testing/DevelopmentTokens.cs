using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Security;

namespace CQCTP.Testing;

/// <summary>Client credentials for the development clients, as a partner back end asks (form post to <c>/connect/token</c>).</summary>
public static class DevelopmentTokens
{
    public const string Endpoint = "/connect/token";

    public static async Task<string> AccessTokenAsync(HttpClient gateway, string clientId,
        CancellationToken cancellationToken = default)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = DevelopmentClients.SecretOf(clientId),
        });
        using var response = await gateway.PostAsync(Endpoint, content, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request for {clientId} failed: {(int)response.StatusCode} {body}");
        }

        return body.GetProperty("access_token").GetString()!;
    }
}
