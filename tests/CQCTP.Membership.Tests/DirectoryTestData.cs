using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Membership.Tests;

/// <summary>Organizations and services the directory tests build, each with a unique token to search for.</summary>
internal static class DirectoryTestData
{
    public static string Token() => "kw" + new string([.. Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26)))]);

    public static async Task<Guid> CreateOrganizationAsync(this MembershipFixture fixture, string legalName,
        bool active, string? publicEmail = null, string? commonName = null)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await staff.PostJsonAsync(JsonSerializer.Serialize(new { legalName, commonName, publicEmail, regionCode = "05" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (active)
        {
            await using var scope = fixture.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            var organization = await db.Organizations.SingleAsync(o => o.Id == id);
            organization.Activate(MembershipType.Regular,
                new MembershipDecision(null, Organization.Today(DateTimeOffset.UtcNow), "test", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        return id;
    }

    public static async Task<HttpResponseMessage> PostServiceAsync(this HttpClient client, Guid organizationId, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ServicesPath(organizationId))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    public static async Task<Guid> CreateServiceAsync(this MembershipFixture fixture, Guid organizationId, object body)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await staff.PostServiceAsync(organizationId, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> SendWithBodyAsync(this HttpClient client, HttpMethod method, string path,
        object body, EntityTagHeaderValue? ifMatch = null, bool idempotent = false)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        if (idempotent)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        return await client.SendAsync(request);
    }

    public static string ServicesPath(Guid organizationId) => $"/api/v1/membership/organizations/{organizationId}/services";

    public static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
}
