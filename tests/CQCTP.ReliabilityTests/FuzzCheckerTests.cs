using System.Net;
using System.Text.Json.Nodes;
using CQCTP.ReliabilityTests.Fuzz;
using CQCTP.ReliabilityTests.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CQCTP.ReliabilityTests;

/// <summary>
/// The fuzz suite can fail: run over a tiny app on loopback whose endpoints each break one rule, it names every one.
/// </summary>
public sealed class FuzzCheckerTests
{
    private const string Document = """
        {
          "openapi": "3.1.1",
          "paths": {
            "/api/v1/broken/things": {
              "post": {
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                "responses": { "201": { "description": "created" } }
              }
            },
            "/api/v1/broken/things/{id}": {
              "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
              "put": {
                "parameters": [ { "name": "If-Match", "in": "header", "required": true, "schema": { "type": "string" } } ],
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                "responses": { "200": { "description": "replaced" } }
              },
              "patch": {
                "requestBody": { "content": { "application/json": { } } },
                "responses": { "200": { "description": "patched" } }
              },
              "delete": {
                "responses": { "204": { "description": "deleted" } }
              }
            }
          },
          "components": { "schemas": { "Thing": {
            "type": "object", "required": ["name"],
            "properties": { "name": { "type": "string" }, "count": { "type": "integer" }, "kind": { "type": "string", "enum": ["a", "b"] } }
          } } }
        }
        """;

    [Fact]
    public async Task Runner_NamesA500_Internals_AnAcceptedBadInput_AMissingSchema_AndARowWritten()
    {
        await using var app = await BrokenAppAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var document = new ApiDocument("broken", JsonNode.Parse(Document)!.AsObject());
        var writes = 0L;
        var runner = new FuzzRunner(client, new ResponseCheck(FuzzTests.KnownCodes), () =>
            Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long> { ["broken.things"] = writes++ }));

        var report = await runner.RunAsync([document]);

        Assert.Contains(report.Violations, v => v.Contains("POST /api/v1/broken/things [", StringComparison.Ordinal) && v.EndsWith("answered 500", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.Contains("PUT ", StringComparison.Ordinal) && v.Contains("body shows internals", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.Contains("PATCH ", StringComparison.Ordinal) && v.Contains("accepted bad input (200)", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.EndsWith("PATCH /api/v1/broken/things/{id}: takes application/json without a request schema", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.Contains("wrote a row (broken.things", StringComparison.Ordinal));
        // The well-behaved endpoint passes; a NUL in the path is refused by Kestrel itself, before this bare app's code.
        Assert.DoesNotContain(report.Violations, v => v.Contains("DELETE /api/v1/broken/things/{id} [", StringComparison.Ordinal)
            && !v.Contains("[path id: nul]", StringComparison.Ordinal));
        Assert.True(report.CasesPerOperation["broken: POST /api/v1/broken/things"] > 10);
    }

    [Theory]
    [InlineData(400, "application/problem+json", """{"status":400,"code":"validation-failed"}""", null)]
    [InlineData(400, "application/problem+json", """{"status":400,"code":"made-up"}""", "not one of the catalogue")]
    [InlineData(400, "application/json", """{"status":400,"code":"validation-failed"}""", "without ProblemDetails")]
    [InlineData(500, "application/problem+json", """{"status":500,"code":"internal-error"}""", "answered 500")]
    [InlineData(400, "application/problem+json", """{"status":400,"code":"malformed-request","detail":"System.FormatException"}""", "internals")]
    [InlineData(201, "application/json", "{}", "accepted bad input")]
    public void Check_FindsWhatBreaksTheRules(int status, string contentType, string body, string? expected)
    {
        var violation = new ResponseCheck(FuzzTests.KnownCodes).Violation((HttpStatusCode)status, contentType, body);

        if (expected is null)
        {
            Assert.Null(violation);
        }
        else
        {
            Assert.Contains(expected, violation, StringComparison.Ordinal);
        }
    }

    private static async Task<WebApplication> BrokenAppAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var problem = Results.Problem(statusCode: 404, extensions: new Dictionary<string, object?> { ["code"] = "not-found" });
        app.MapPost("/api/v1/broken/things", () => Results.StatusCode(500));
        app.MapPut("/api/v1/broken/things/{id}", () =>
            Results.Text("System.InvalidOperationException: boom\n   at Broken.Things.Put()", "text/plain", statusCode: 400));
        app.MapPatch("/api/v1/broken/things/{id}", () => Results.Ok());
        app.MapDelete("/api/v1/broken/things/{id}", () => problem);
        app.MapFallback(() => problem);
        await app.StartAsync();
        return app;
    }
}
