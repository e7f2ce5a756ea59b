using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CQCTP.Membership.Api.Data;
using CQCTP.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Membership.Tests;

/// <summary>Requests and assertions the lifecycle and application tests share.</summary>
internal static class MembershipRequests
{
    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string json,
        EntityTagHeaderValue? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>An organization created by staff (pending); its location and ETag.</summary>
    public static async Task<(string Location, EntityTagHeaderValue ETag, Guid Id)> CreateOrganizationAsync(
        this HttpClient staff, string name)
    {
        using var created = await staff.PostJsonAsync(JsonSerializer.Serialize(new { legalName = name }));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (created.Headers.Location!.ToString(), created.Headers.ETag!, id);
    }

    public static async Task<string?> CodeAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    /// <summary>The outbox rows of one event type that mention <paramref name="id"/> (never another test's rows).</summary>
    public static async Task<List<string>> EventsAboutAsync(this MembershipFixture fixture, string eventType, Guid id)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var needle = id.ToString();
        var type = $"CQCTP.Membership.Contracts.{eventType},";
        // The body is jsonb: filter on the type in the database, on the id here.
        var bodies = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.StartsWith(type))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => m.Body).ToListAsync();
        return [.. bodies.Where(b => b.Contains(needle, StringComparison.Ordinal))];
    }
}
