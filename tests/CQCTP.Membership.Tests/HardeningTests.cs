using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CQCTP.Membership.Api.Endpoints;
using CQCTP.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CQCTP.Membership.Tests;

/// <summary>What an outside probe found on the organization endpoints, each shown closed (docs/security.md).</summary>
[Collection(MembershipCollection.Name)]
public sealed class HardeningTests(MembershipFixture fixture)
{
    private const string Prefix = OrganizationsEndpoints.Prefix;

    [Fact]
    public async Task Create_WithANulInAName_Returns400NamingTheFieldAndPosition()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.PostJsonAsync("""{"legalName":"Maison\u0000Nulle"}""");

        var error = await SingleFieldErrorAsync(response, "legalName");
        Assert.Equal("invalid-characters", error.GetProperty("code").GetString());
        Assert.Contains("6", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithALineBreakInADescription_IsAccepted_ButNotInAName()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var name = $"Maison Lignes {Guid.NewGuid():N}";

        using var description = await staff.PostJsonAsync($$"""{"legalName":"{{name}}","description":{"fr":"Accueil.\nHébergement.\tSoutien."} }""");
        using var legalName = await staff.PostJsonAsync($$"""{"legalName":"{{name}}\nB"}""");

        Assert.Equal(HttpStatusCode.Created, description.StatusCode);
        Assert.Equal("invalid-characters", (await SingleFieldErrorAsync(legalName, "legalName")).GetProperty("code").GetString());
    }

    [Fact]
    public async Task List_WithANulInTheSearch_Returns400()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.GetAsync($"{Prefix}?search=a%00b");

        Assert.Equal("invalid-characters", (await SingleFieldErrorAsync(response, "search")).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Create_WithANullFrenchDescription_Returns400Required()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.PostJsonAsync($$"""{"legalName":"Maison Nulle {{Guid.NewGuid():N}}","description":{"fr":null,"en":"Shelter."} }""");

        Assert.Equal("required", (await SingleFieldErrorAsync(response, "description.fr")).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Replace_WithANullFrenchDescription_Returns400AndKeepsTheStoredOne()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var name = $"Maison Remplacée {Guid.NewGuid():N}";
        using var created = await staff.PostJsonAsync($$"""{"legalName":"{{name}}","description":{"fr":"Hébergement."} }""");
        using var request = new HttpRequestMessage(HttpMethod.Put, created.Headers.Location)
        {
            Content = new StringContent($$"""{"legalName":"{{name}}","description":{"fr":null} }""", Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(created.Headers.ETag!);

        using var response = await staff.SendAsync(request);

        Assert.Equal("required", (await SingleFieldErrorAsync(response, "description.fr")).GetProperty("code").GetString());
        var stored = await staff.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal("Hébergement.", stored.GetProperty("description").GetProperty("fr").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Portal_RenamingItself_Returns422WhetherOrNotTheNameExists(bool nameExists)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var organizationB = await staff.GetFromJsonAsync<JsonElement>($"{Prefix}/{DevelopmentClients.OrganizationB}");
        var target = nameExists ? organizationB.GetProperty("legalName").GetString() : $"Nom libre {Guid.NewGuid():N}";
        using var portalA = fixture.CreateClient(TestCaller.PortalA);
        using var read = await portalA.GetAsync($"{Prefix}/{DevelopmentClients.OrganizationA}");

        using var response = await portalA.PatchAsync($"{Prefix}/{DevelopmentClients.OrganizationA}", read.Headers.ETag!,
            JsonSerializer.Serialize(new { legalName = target }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(OrganizationsEndpoints.LegalNameByStaff, body.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Staff_RenamingToATakenName_StillGets409()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await staff.PostJsonAsync($$"""{"legalName":"Maison Renommée {{Guid.NewGuid():N}}"}""");
        var organizationB = await staff.GetFromJsonAsync<JsonElement>($"{Prefix}/{DevelopmentClients.OrganizationB}");

        using var response = await staff.PatchAsync(created.Headers.Location!.ToString(), created.Headers.ETag!,
            JsonSerializer.Serialize(new { legalName = organizationB.GetProperty("legalName").GetString() }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task InvalidToken_GetsTheStandardChallengeWithoutSayingWhichCheckFailed()
    {
        using var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            fixture.Tokens.Issue(TestCaller.Staff, Audiences.Of("membership"), TimeSpan.FromMinutes(5), DateTime.UtcNow.AddHours(-1)));

        using var response = await client.GetAsync(Prefix);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.DoesNotContain("error_description", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryOfTheWrongType_Returns400NamingTheParameterNotACSharpType()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.GetAsync($"{Prefix}?page=abc");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("invalid-type", (await SingleFieldErrorAsync(response, "page")).GetProperty("code").GetString());
        Assert.DoesNotContain("Int32", text, StringComparison.Ordinal);
        Assert.DoesNotContain("int?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PageQuery", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyOfTheWrongShape_DoesNotNameTheRequestType()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);

        using var response = await staff.PostJsonAsync("[1,2,3]");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("OrganizationRequest", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CQCTP", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarryNosniff_AndAuthenticatedOnesStayOutOfSharedCaches()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var anonymous = fixture.CreateClient(null);

        using var authenticated = await staff.GetAsync($"{Prefix}/{DevelopmentClients.OrganizationA}");
        using var refused = await anonymous.GetAsync(Prefix);

        Assert.Equal("nosniff", Header(authenticated, "X-Content-Type-Options"));
        Assert.Equal("nosniff", Header(refused, "X-Content-Type-Options"));
        Assert.True(authenticated.Headers.CacheControl?.NoStore);
        Assert.Null(refused.Headers.CacheControl);
    }

    [Fact]
    public async Task HttpsRequest_GetsStrictTransportSecurity_AndPlainHttpDoesNot()
    {
        using var https = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var http = fixture.Factory.CreateClient();

        using var secure = await https.GetAsync("/alive");
        using var plain = await http.GetAsync("/alive");

        Assert.StartsWith("max-age=", Header(secure, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Null(Header(plain, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task ETag_DoesNotExposeTheRowVersion()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var created = await staff.PostJsonAsync($$"""{"legalName":"Maison Version {{Guid.NewGuid():N}}"}""");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var xmin = await ScalarAsync<uint>($"SELECT xmin::text::bigint FROM organizations WHERE id = '{id}'");

        Assert.NotNull(created.Headers.ETag);
        Assert.DoesNotContain(xmin.ToString(System.Globalization.CultureInfo.InvariantCulture), created.Headers.ETag.Tag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAndServerOwnedFields_AreIgnoredAndNeverStored()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var forcedId = Guid.CreateVersion7();

        using var response = await staff.PostJsonAsync($$"""
            {"legalName":"Maison Assignée {{Guid.NewGuid():N}}","id":"{{forcedId}}","status":"active",
             "createdAt":"2000-01-01T00:00:00Z","organizationId":"{{DevelopmentClients.OrganizationB}}","isAdmin":true}
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(forcedId, body.GetProperty("id").GetGuid());
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.NotEqual(2000, body.GetProperty("createdAt").GetDateTimeOffset().Year);
        Assert.Equal(0, await ScalarAsync<long>($"SELECT count(*) FROM organizations WHERE id = '{forcedId}'"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> SingleFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Assert.Single(body.GetProperty("errors").GetProperty(field).EnumerateArray());
    }
}
