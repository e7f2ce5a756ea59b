using System.Net;
using System.Text.Json;
using CQCTP.Security;

namespace CQCTP.IntegrationTests;

/// <summary>Client credentials requests, as a partner back end sends them (form post to <c>/connect/token</c>).</summary>
internal static class Tokens
{
    public const string Endpoint = "/connect/token";

    public static async Task<(HttpStatusCode Status, JsonElement Body)> RequestAsync(HttpClient client, string clientId,
        string secret, string? scope = null)
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

        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(Endpoint, content);
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    public static async Task<string> AccessTokenAsync(HttpClient client, string clientId, string? secret = null,
        string? scope = null)
    {
        var (status, body) = await RequestAsync(client, clientId, secret ?? DevelopmentClients.SecretOf(clientId), scope);
        Assert.True(status == HttpStatusCode.OK, $"token request for {clientId} failed: {status} {body}");
        return body.GetProperty("access_token").GetString()!;
    }
}
