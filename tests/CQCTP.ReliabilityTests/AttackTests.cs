using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CQCTP.ReliabilityTests.Attacks;
using CQCTP.ReliabilityTests.Fuzz;
using CQCTP.ReliabilityTests.OpenApi;
using CQCTP.Security;
using Xunit.Abstractions;

namespace CQCTP.ReliabilityTests;

/// <summary>
/// The OWASP API Security Top 10 (2023), one test each, over every route the services' endpoint-policy reports list
/// (and every operation their OpenAPI documents describe), so a route added tomorrow is attacked tomorrow.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class AttackTests(AbusePlatform fixture, ITestOutputHelper output)
{
    private const string PublicOrigin = "https://www.cqctp.example";

    private IEnumerable<(string Service, EndpointPolicy Route, string Method)> ApiOperations =>
        fixture.ServiceRoutes.SelectMany(s => RouteInventory.Operations(s.Value.Where(RouteInventory.IsApi))
            .Select(o => (s.Key, o.Route, o.Method)));

    [Fact]
    public async Task Api1_ObjectLevel_AnotherOrganizationsPortalGets404AndChangesNothing()
    {
        var organizationA = DevelopmentClients.OrganizationA.ToString();
        var cases = new List<AttackCase>();
        var etags = new Dictionary<string, string?>();
        foreach (var (service, route, method) in ApiOperations.Where(o =>
                     o.Route.Accepts(Scopes.Portal) && RouteInventory.ParameterCount(o.Route.Route) > 0))
        {
            var uri = RouteInventory.Concrete(route.Route, organizationA);
            using var current = await fixture.Staff.GetAsync(new Uri(uri, UriKind.Relative));
            var etag = current.Headers.ETag?.ToString();
            var representation = current.IsSuccessStatusCode ? await current.Content.ReadAsStringAsync() : "{}";
            etags[uri] = etag;
            // An attacker sends whatever If-Match a route asks for, so the precondition (428) never stands in for the
            // object check. A request the route refuses as malformed (400: a body or an id it cannot read) never
            // reached the object either; the row counts below show that nothing changed.
            cases.Add(new AttackCase("portal B on organization A", method, uri, fixture.Tokens[DevelopmentClients.PortalB],
                [400, 404], Body: RouteInventory.BodyFor(method) is null ? null : representation,
                ContentType: ContentTypeFor(service, route, method),
                Headers: new Dictionary<string, string> { ["If-Match"] = etag ?? "\"attack\"" }));
        }

        var before = await RowCounts.SnapshotAsync(fixture.Platform);
        var violations = (await AttackRunner.ViolationsAsync(fixture.Anonymous, cases)).ToList();
        violations.AddRange(RowCounts.Differences(before, await RowCounts.SnapshotAsync(fixture.Platform)).Select(d => $"wrote {d}"));
        foreach (var (uri, etag) in etags.Where(e => e.Value is not null))
        {
            using var after = await fixture.Staff.GetAsync(new Uri(uri, UriKind.Relative));
            if (after.Headers.ETag?.ToString() != etag)
            {
                violations.Add($"{uri} changed under another organization's portal");
            }
        }

        Report("API1 object level", cases.Count);
        Assert.NotEmpty(cases);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Api2_Authentication_EveryProtectedRouteRefusesForgedTokens()
    {
        var forged = await ForgedTokens.LoadAsync(fixture.Platform);
        var gatewayCases = new List<AttackCase>();
        var directCases = new Dictionary<string, List<AttackCase>>();
        foreach (var (service, route, method) in ApiOperations.Where(o => !o.Route.Anonymous))
        {
            var audience = Audiences.Of(service);
            var scopes = string.Join(' ', Scopes.All.Where(s => Scopes.AudiencesOf(s).Contains(audience)));
            var uri = RouteInventory.Concrete(route.Route);
            foreach (var (flaw, token) in new[]
                     {
                         ("alg none", forged.WithoutSignature(audience, scopes)),
                         ("foreign key", forged.Create(audience, scopes, signingKey: ForgedTokens.Impostor(forged.KeyId))),
                         ("wrong audience", forged.Create("someone-else", scopes)),
                         ("expired", forged.Create(audience, scopes, expires: DateTime.UtcNow.AddMinutes(-2))),
                     })
            {
                var attack = new AttackCase(flaw, method, uri, token, [401], RouteInventory.BodyFor(method),
                    ContentTypeFor(service, route, method));
                gatewayCases.Add(attack);
                (directCases.TryGetValue(audience, out var list) ? list : directCases[audience] = []).Add(attack);
            }
        }

        var violations = (await AttackRunner.ViolationsAsync(fixture.Anonymous, gatewayCases)).Select(v => "gateway: " + v).ToList();
        foreach (var (resource, cases) in directCases)
        {
            using var direct = fixture.Platform.CreateClient(resource, clientId: null);
            violations.AddRange((await AttackRunner.ViolationsAsync(direct, cases)).Select(v => $"{resource}: {v}"));
        }

        // The control: the same forgery with nothing wrong is accepted, so each refusal above is the flaw's doing.
        var control = ApiOperations.First(o => o.Method == "GET" && !o.Route.Anonymous && RouteInventory.ParameterCount(o.Route.Route) == 0);
        var controlAudience = Audiences.Of(control.Service);
        using var accepted = await fixture.Anonymous.SendAsync(new AttackCase("control", "GET", control.Route.Route,
            forged.Create(controlAudience, string.Join(' ', Scopes.All.Where(s => Scopes.AudiencesOf(s).Contains(controlAudience)))),
            []).ToRequest());

        Report("API2 authentication", gatewayCases.Count * 2);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Api3_PropertyLevel_ResponsesCarryOnlyDocumentedFields_AndServerFieldsAreNeverTakenFromABody()
    {
        var violations = new List<string>();
        var checkedResponses = 0;
        foreach (var document in fixture.Documents)
        {
            var operations = document.Operations().ToList();
            foreach (var read in operations.Where(o => o.Method == "GET" && o.Responses.GetValueOrDefault("200") is not null))
            {
                var uri = await ReadableUriAsync(read, operations);
                if (uri is null)
                {
                    continue;
                }

                using var response = await fixture.Staff.GetAsync(new Uri(uri, UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                checkedResponses++;
                var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                violations.AddRange(ResponseFields.Undocumented(document, read.Responses["200"], json, "$")
                    .Select(f => $"{read}: {f} is not in the documented schema"));
            }

            foreach (var create in operations.Where(o => o.Method == "POST" && !o.PathParameters.Any() && o.RequestBody.Count > 0))
            {
                violations.AddRange(await MassAssignmentAsync(document, create));
            }
        }

        Report("API3 property level", checkedResponses);
        Assert.True(checkedResponses > 0, "no response was checked");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Api4_ResourceConsumption_OversizedBodies413_PagingOutOfBounds400()
    {
        var oversized = "{\"x\":\"" + new string('x', 1_100_000) + "\"}";
        var cases = new List<AttackCase>();
        foreach (var document in fixture.Documents)
        {
            foreach (var operation in document.Operations())
            {
                var uri = RouteInventory.Concrete(operation.Path);
                var token = fixture.Tokens[DevelopmentClients.Staff];
                if (operation.RequestBody.Count > 0)
                {
                    cases.Add(new AttackCase("1.1 MB body", operation.Method, uri, token, [413], oversized,
                        operation.RequestBody.Keys.First()));
                }

                var paging = operation.Parameters.Where(p => p.In == "query").Select(p => p.Name)
                    .ToDictionary(n => n.ToUpperInvariant(), n => n);
                if (operation.Method == "GET" && paging.TryGetValue("PAGESIZE", out var pageSize) && paging.TryGetValue("PAGE", out var page))
                {
                    foreach (var query in new[] { $"{pageSize}=101", $"{pageSize}=100000", $"{pageSize}=-1", $"{page}=-1", $"{page}=0" })
                    {
                        cases.Add(new AttackCase(query, "GET", $"{uri}?{query}", token, [400]));
                    }
                }
            }
        }

        var violations = await AttackRunner.ViolationsAsync(fixture.Anonymous, cases);

        Report("API4 resource consumption", cases.Count);
        Assert.Contains(cases, c => c.Refusals.Contains(400));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Api5_FunctionLevel_EveryRouteRefusesTokensWithoutItsScopes()
    {
        var clients = new Dictionary<string, IReadOnlyList<string>>
        {
            [DevelopmentClients.Staff] = Scopes.Staff,
            [DevelopmentClients.PortalA] = Scopes.Portal,
            [DevelopmentClients.Integrator] = Scopes.Integrator,
        };
        var cases = new List<AttackCase>();
        foreach (var (service, route, method) in ApiOperations.Where(o => o.Route.ScopeSets is { Count: > 0 }))
        {
            foreach (var (client, scopes) in clients.Where(c => !route.Accepts(c.Value)))
            {
                // A token with no scope for this API is not for it at all (401); one for it but without the scope, 403.
                var forThisApi = scopes.Any(s => Scopes.AudiencesOf(s).Contains(Audiences.Of(service)));
                cases.Add(new AttackCase(client, method, RouteInventory.Concrete(route.Route), fixture.Tokens[client],
                    [forThisApi ? 403 : 401], RouteInventory.BodyFor(method), ContentTypeFor(service, route, method)));
            }
        }

        var violations = await AttackRunner.ViolationsAsync(fixture.Anonymous, cases);

        Report("API5 function level", cases.Count);
        Assert.Contains(cases, c => c.Refusals.Contains(403));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Api8_Misconfiguration_NoBanners_SecurityHeaders_NoCorsOnPrivateRoutes()
    {
        var violations = new List<string>();
        var requests = 0;
        foreach (var (service, route, method) in ApiOperations)
        {
            using var request = new AttackCase("headers", method, RouteInventory.Concrete(route.Route),
                fixture.Tokens[DevelopmentClients.Staff], [], RouteInventory.BodyFor(method), ContentTypeFor(service, route, method),
                Headers: new Dictionary<string, string> { ["Origin"] = PublicOrigin }).ToRequest();
            using var response = await fixture.Anonymous.SendAsync(request);
            violations.AddRange(HeaderCheck.Violations(response, authenticated: true).Select(v => $"{method} {route.Route}: {v}"));

            using var preflight = new HttpRequestMessage(HttpMethod.Options, RouteInventory.Concrete(route.Route));
            preflight.Headers.Add("Origin", PublicOrigin);
            preflight.Headers.Add("Access-Control-Request-Method", method);
            using var preflightResponse = await fixture.Anonymous.SendAsync(preflight);
            // Anonymous routes are the public ones: CORS for the public website is theirs by design (security.md).
            if (!route.Anonymous
                && (preflightResponse.Headers.Contains("Access-Control-Allow-Origin") || response.Headers.Contains("Access-Control-Allow-Origin")))
            {
                violations.Add($"{method} {route.Route}: CORS allowed on a route that is not public");
            }

            requests += 2;
        }

        // The control: a public route does answer CORS for the public website, so the check above can see it.
        using var publicRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/{fixture.Documents[0].Service}/openapi/v1.json");
        publicRequest.Headers.Add("Origin", PublicOrigin);
        using var publicResponse = await fixture.Anonymous.SendAsync(publicRequest);

        Report("API8 misconfiguration", requests);
        Assert.True(publicResponse.Headers.Contains("Access-Control-Allow-Origin"), "CORS missing on a public route");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Api9_Inventory_EveryServedRouteIsDocumentedOrPublic()
    {
        var violations = new List<string>();
        var routes = 0;
        foreach (var document in fixture.Documents)
        {
            var documented = document.Operations().Select(o => $"{o.Method} {RouteInventory.Normalize(o.Path)}").ToHashSet();
            foreach (var (route, method) in RouteInventory.Operations(fixture.ServiceRoutes[document.Service]
                         .Where(r => !RouteInventory.IsPublic(r.Route))))
            {
                routes++;
                if (!documented.Contains($"{method} {RouteInventory.Normalize(route.Route)}"))
                {
                    violations.Add($"{document.Service}: {method} {route.Route} is served but in no OpenAPI document");
                }
            }
        }

        Report("API9 inventory", routes);
        Assert.True(routes > 0);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private async Task<IEnumerable<string>> MassAssignmentAsync(ApiDocument document, ApiOperation create)
    {
        var body = PlausibleBody.For(document, create.RequestBody.First().Value, $"API3 {Guid.NewGuid():N}");
        var injected = new Dictionary<string, string>
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["organizationId"] = Guid.NewGuid().ToString(),
            ["createdAt"] = "2001-01-01T00:00:00+00:00",
            ["updatedAt"] = "2001-01-01T00:00:00+00:00",
            ["status"] = "withdrawn",
        };
        foreach (var (name, value) in injected)
        {
            body[name] ??= value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, create.Path)
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await fixture.Staff.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            output.WriteLine($"{create}: server-owned fields refused or body not accepted ({(int)response.StatusCode})");
            return [];
        }

        var stored = await response.Content.ReadFromJsonAsync<JsonElement>();
        return injected.Where(f => stored.TryGetProperty(f.Key, out var v) && v.ToString() == f.Value)
            .Select(f => $"{create}: stored {f.Key} as sent in the body");
    }

    private async Task<string?> ReadableUriAsync(ApiOperation read, IReadOnlyList<ApiOperation> operations)
    {
        var parameters = read.PathParameters.ToList();
        if (parameters.Count == 0)
        {
            return read.Path;
        }

        // The parameter is an id of the collection before it (an item, or what hangs under one): its first listed id.
        var start = read.Path.IndexOf("/{", StringComparison.Ordinal);
        var collection = read.Path[..start];
        if (parameters.Count != 1 || !operations.Any(o => o.Method == "GET" && RouteInventory.Normalize(o.Path) == collection))
        {
            return null;
        }

        var page = await fixture.Staff.GetFromJsonAsync<JsonElement>(collection);
        var end = read.Path.IndexOf('}', start);
        return page.TryGetProperty("items", out var items) && items.GetArrayLength() > 0
            && items[0].TryGetProperty("id", out var id)
            ? $"{collection}/{id}{read.Path[(end + 1)..]}"
            : null;
    }

    private void Report(string suite, int cases) => output.WriteLine($"{suite}: {cases} cases");

    /// <summary>The content type the operation documents, so routing's own 415 never stands in for the refusal tested.</summary>
    private string ContentTypeFor(string service, EndpointPolicy route, string method) =>
        fixture.Documents.Where(d => d.Service == service).SelectMany(d => d.Operations())
            .FirstOrDefault(o => o.Method == method && RouteInventory.Normalize(o.Path) == RouteInventory.Normalize(route.Route))
            ?.RequestBody.Keys.FirstOrDefault() ?? "application/json";
}
