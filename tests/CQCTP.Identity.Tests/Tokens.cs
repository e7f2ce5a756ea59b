using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CQCTP.Identity.Tests;

/// <summary>Client credentials requests straight to the service's own token endpoint, as the gateway forwards them.</summary>
internal static class Tokens
{
    public const string Endpoint = "/connect/token";

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string clientId, string secret,
        string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return client.PostAsync(Endpoint, new FormUrlEncodedContent(form));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> RequestAsync(HttpClient client, string clientId,
        string secret, string? scope = null)
    {
        using var response = await PostAsync(client, clientId, secret, scope);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
