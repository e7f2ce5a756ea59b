using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Integrations.Api.Endpoints;
using CQCTP.Security;

namespace CQCTP.Integrations.Tests;

/// <summary>Calls of the webhooks API the tests share.</summary>
public static class WebhookRequests
{
    /// <summary>An integrator of its own (a unique client id), with the webhooks scope.</summary>
    public static TestCaller NewIntegrator() =>
        new($"test-integrator-{Guid.NewGuid():N}", Scopes.Integrator);

    public static async Task<HttpResponseMessage> CreateAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhooksEndpoints.Prefix) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    /// <summary>Registers <paramref name="url"/> for <paramref name="eventTypes"/>: its id and secret.</summary>
    public static async Task<(Guid Id, string Secret)> RegisterAsync(HttpClient client, Uri url, params string[] eventTypes)
    {
        using var response = await CreateAsync(client, new { url = url.AbsoluteUri, eventTypes, description = "Tests" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("subscription").GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"{WebhooksEndpoints.Prefix}/{id}");

    public static async Task<JsonElement> DeliveriesAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"{WebhooksEndpoints.Prefix}/{id}/deliveries")).GetProperty("items");

    public static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    public static EntityTagHeaderValue? ETag(HttpResponseMessage response) => response.Headers.ETag;
}
