using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CQCTP.ServiceDefaults.Security;

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

/// <summary>Adds a bearer token to every request, fetching it once from the gateway's token endpoint.</summary>
internal sealed class BearerTokenHandler(Func<CancellationToken, Task<string>> acquire) : DelegatingHandler
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        }

        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Tokens live 10 minutes; a test collection finishes well within that.
            return token ??= await acquire(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
