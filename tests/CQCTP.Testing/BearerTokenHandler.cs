using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.ServiceDefaults.Security;

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

/// <summary>Adds a bearer token to every request, fetching it once from the gateway's token endpoint.</summary>
public sealed class BearerTokenHandler(Func<CancellationToken, Task<string>> acquire) : DelegatingHandler
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
