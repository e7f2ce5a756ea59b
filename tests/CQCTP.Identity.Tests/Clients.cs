using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Identity.Api.Data;
using CQCTP.Identity.Api.Domain;
using CQCTP.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Identity.Tests;

/// <summary>The admin API's address and a registration helper; every test registers clients of its own.</summary>
internal static class Clients
{
    public const string Prefix = "/api/v1/identity/clients";

    public static string NewId() => $"test-{Guid.NewGuid():N}"[..30];

    /// <summary>Registers an integrator through the admin API; returns its id and its one secret.</summary>
    public static async Task<(string ClientId, string Secret)> RegisterAsync(HttpClient staff)
    {
        var clientId = NewId();
        using var response = await staff.PostAsJsonAsync(Prefix, new
        {
            clientId,
            displayName = "Intégrateur de test",
            kind = "integrator",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (clientId, body.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>Registers a portal of <paramref name="organizationId"/> through the admin API; returns its id and its one secret.</summary>
    public static async Task<(string ClientId, string Secret)> RegisterPortalAsync(HttpClient staff, Guid organizationId)
    {
        var clientId = NewId();
        using var response = await staff.PostAsJsonAsync(Prefix, new
        {
            clientId,
            displayName = "Portail de test",
            kind = "portal",
            organizationId,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (clientId, body.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>
    /// Writes a portal holding a null scope and <c>identity.admin</c> straight into the table, as the registration
    /// API once accepted it (and as a row written by hand could be); returns its id.
    /// </summary>
    public static async Task<string> StoreMisregisteredPortalAsync(IdentityFixture fixture, string secret)
    {
        var clientId = NewId();
        await using var services = fixture.CreateScope();
        var db = services.ServiceProvider.GetRequiredService<IdentityDbContext>();
        db.Clients.Add(Client.Register(clientId, "Portail mal inscrit", ClientKind.Portal,
            [null!, Scopes.MembershipRead, Scopes.IdentityAdmin], DevelopmentClients.OrganizationA, secret,
            DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return clientId;
    }
}
