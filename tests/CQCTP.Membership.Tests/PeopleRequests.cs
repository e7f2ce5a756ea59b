using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CQCTP.Membership.Api.Data;
using CQCTP.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Membership.Tests;

/// <summary>What the delegate, directory and committee tests send and check, as raw JSON.</summary>
internal static class PeopleRequests
{
    public static string Delegates(Guid organizationId) => $"/api/v1/membership/organizations/{organizationId}/delegates";

    public static string Token() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>A fresh, unique delegate body; <paramref name="extra"/> entries replace or add fields.</summary>
    public static Dictionary<string, object?> Delegate(string name, params (string Key, object? Value)[] extra)
    {
        var body = new Dictionary<string, object?>
        {
            ["fullName"] = name,
            ["title"] = "Intervenante",
            ["email"] = $"{Token()}@organisme.example",
            ["phone"] = "514 555-0199",
            ["preferredLanguage"] = "fr",
            ["roles"] = new[] { "agm-delegate" },
        };
        foreach (var (key, value) in extra)
        {
            body[key] = value;
        }

        return body;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path,
        object body, EntityTagHeaderValue? ifMatch = null, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, mediaType),
        };
        if (method == HttpMethod.Post && ifMatch is null)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path,
        EntityTagHeaderValue ifMatch)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.IfMatch.Add(ifMatch);
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The bodies of the outbox rows of one event type that name <paramref name="id"/>.</summary>
    public static async Task<List<JsonElement>> EventsAsync(this MembershipFixture fixture, string type, Guid id)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var bodies = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.StartsWith($"CQCTP.Membership.Contracts.{type},"))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => m.Body).ToListAsync();
        // The body is jsonb: matched here rather than with a LIKE the column type does not have.
        return [.. bodies.Where(b => b.Contains(id.ToString(), StringComparison.Ordinal))
            .Select(b => JsonDocument.Parse(b).RootElement.Clone())];
    }
}
