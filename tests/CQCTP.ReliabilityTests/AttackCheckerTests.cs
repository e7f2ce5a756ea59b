using System.Net;
using System.Text.Json.Nodes;
using CQCTP.ApiConventions;
using CQCTP.ReliabilityTests.Attacks;
using CQCTP.ReliabilityTests.OpenApi;
using CQCTP.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.ReliabilityTests;

/// <summary>Each attack check can fail: fed a deliberately broken input, it names the flaw.</summary>
public sealed class AttackCheckerTests
{
    [Fact]
    public async Task Runner_NamesARouteThatAcceptsWhatItShouldRefuse()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/api/v1/broken/open", () => Results.Ok());
        app.MapGet("/api/v1/broken/closed", () => Results.StatusCode(401));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var violations = await AttackRunner.ViolationsAsync(client,
        [
            new AttackCase("alg none", "GET", "/api/v1/broken/open", "forged", [401]),
            new AttackCase("alg none", "GET", "/api/v1/broken/closed", "forged", [401]),
        ]);

        Assert.Equal("GET /api/v1/broken/open [alg none]: answered 200, expected 401", Assert.Single(violations));
    }

    [Fact]
    public void ResponseFields_NamesAFieldTheSchemaDoesNotList()
    {
        var document = new ApiDocument("broken", JsonNode.Parse("""
            { "components": { "schemas": { "Page": { "type": "object", "properties": {
                "items": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } }, "total": { "type": "integer" } } },
              "Thing": { "type": "object", "properties": { "id": { "type": "string" } } } } } }
            """)!.AsObject());
        var schema = JsonNode.Parse("""{ "$ref": "#/components/schemas/Page" }""")!.AsObject();

        var extra = ResponseFields.Undocumented(document, schema,
            JsonNode.Parse("""{ "items": [ { "id": "1", "secretNote": "x" } ], "total": 1 }"""), "$").ToList();

        Assert.Equal("$.items[].secretNote", Assert.Single(extra));
    }

    [Fact]
    public void HeaderCheck_NamesABannerAMissingNosniffAndACacheableAuthenticatedAnswer()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("Server", "Kestrel");

        var violations = HeaderCheck.Violations(response, authenticated: true).ToList();

        Assert.Contains("Server header present", violations);
        Assert.Contains("no X-Content-Type-Options: nosniff", violations);
        Assert.Contains("authenticated response without Cache-Control: no-store", violations);
    }

    [Fact]
    public void HeaderCheck_RefusesAnAuthenticatedAnswerABrowserMayKeep()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-Content-Type-Options", "nosniff");
        response.Headers.CacheControl = new() { Private = true, NoCache = true };

        Assert.Equal(["authenticated response without Cache-Control: no-store"], HeaderCheck.Violations(response, authenticated: true));
        Assert.Empty(HeaderCheck.Violations(response, authenticated: false));
    }

    [Fact]
    public void Inventory_NormalizesConstraintsAndTrailingSlashes_SoAnUndocumentedRouteStandsOut()
    {
        Assert.Equal("/api/v1/membership/organizations/{id}", RouteInventory.Normalize("/api/v1/membership/organizations/{id:guid}"));
        Assert.Equal("/api/v1/membership/organizations", RouteInventory.Normalize("/api/v1/membership/organizations/"));
        Assert.False(RouteInventory.IsPublic("/api/v1/membership/organizations"));
        Assert.True(RouteInventory.IsPublic("/api/v1/membership/openapi/{documentName}.json"));
    }

    [Theory]
    [InlineData("Testing", true)]
    [InlineData("Development", false)]
    [InlineData("Production", false)]
    public async Task TestingOnlyRoutes_ExistOnlyInTesting(string environment, bool expected)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Services.AddHealthChecks();
        builder.Services.AddAuthorization();
        builder.AddApiDocumentation("probe", "Probe");
        await using var app = builder.Build();

        app.MapPlatformEndpoints("probe");
        var routes = EndpointPolicyReport.Describe(((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints));

        Assert.Equal(expected, routes.Any(r => r.Route.StartsWith("/_testing", StringComparison.Ordinal)));
    }

    [Fact]
    public void Scopes_ARouteForStaffWritesDoesNotAcceptAnIntegrator()
    {
        var route = new EndpointPolicy("/api/v1/x", ["POST"], false, ["x.write"], ScopeSets: [[Scopes.MembershipWrite, Scopes.MembershipSelf]]);

        Assert.False(route.Accepts(Scopes.Integrator));
        Assert.True(route.Accepts(Scopes.Portal));
        Assert.True(route.Accepts(Scopes.Staff));
    }
}
