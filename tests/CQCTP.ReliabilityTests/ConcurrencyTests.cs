using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CQCTP.ReliabilityTests.Fuzz;
using CQCTP.ReliabilityTests.OpenApi;
using Xunit.Abstractions;

namespace CQCTP.ReliabilityTests;

/// <summary>
/// B2: for every resource the OpenAPI documents let us create, the same <c>Idempotency-Key</c> sent concurrently
/// creates once, and concurrent changes carrying the same ETag give exactly one success, the others 412, and no lost
/// update. Resources found from the documents: a collection with a <c>POST</c>, an item path under it with a
/// <c>GET</c> and a <c>PUT</c> or <c>PATCH</c>.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class ConcurrencyTests(AbusePlatform fixture, ITestOutputHelper output)
{
    private const int Concurrent = 8;

    [Fact]
    public async Task EveryCreatableResource_SameKeyCreatesOnce_SameETagChangesOnce()
    {
        var failures = new List<string>();
        var covered = 0;
        foreach (var document in fixture.Documents)
        {
            var operations = document.Operations().ToList();
            foreach (var create in operations.Where(o => o.Method == "POST" && !o.PathParameters.Any() && o.RequestBody.Count > 0))
            {
                var schema = create.RequestBody.First().Value;
                var body = PlausibleBody.For(document, schema, $"B2 {Guid.NewGuid():N}");
                using var probe = await SendAsync(create, body, Guid.NewGuid().ToString());
                if (probe.StatusCode != HttpStatusCode.Created)
                {
                    output.WriteLine($"not covered: {create} (a generated body got {(int)probe.StatusCode})");
                    continue;
                }

                covered++;
                failures.AddRange(await SameKeyCreatesOnceAsync(document, create, schema));
                var item = operations.FirstOrDefault(o => o.Method == "GET" && IsItemOf(o.Path, create.Path));
                var id = (await probe.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("id", out var i) ? i.ToString() : null;
                foreach (var change in operations.Where(o => o.Method is "PUT" or "PATCH" && IsItemOf(o.Path, create.Path)))
                {
                    if (item is null || id is null)
                    {
                        output.WriteLine($"not covered: {change} (no GET of the item, or no id in the create's answer)");
                        continue;
                    }

                    failures.AddRange(await SameETagChangesOnceAsync(document, change, schema, body, Item(item.Path, id)));
                }
            }
        }

        output.WriteLine($"B2 concurrency: {covered} creatable resources, {Concurrent} concurrent requests per case");
        Assert.True(covered > 0, "no resource could be created from its OpenAPI description");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<IEnumerable<string>> SameKeyCreatesOnceAsync(ApiDocument document, ApiOperation create, JsonObject? schema)
    {
        var body = PlausibleBody.For(document, schema, $"B2 {Guid.NewGuid():N}");
        var key = Guid.NewGuid().ToString();
        var before = await RowCounts.SnapshotAsync(fixture.Platform);

        var responses = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => SendAsync(create, body, key)));
        var ids = new HashSet<string>();
        var statuses = new List<int>();
        foreach (var response in responses)
        {
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").ToString());
            }

            response.Dispose();
        }

        var grown = RowCounts.Differences(before, await RowCounts.SnapshotAsync(fixture.Platform)).ToList();
        output.WriteLine($"{create}: same key ×{Concurrent} → {string.Join(' ', statuses)}; {string.Join(", ", grown)}");
        var failures = new List<string>();
        if (ids.Count != 1 || statuses.Any(s => s is not (201 or 409)))
        {
            failures.Add($"{create}: the same Idempotency-Key sent {Concurrent}× gave {string.Join(' ', statuses)} and {ids.Count} ids");
        }

        // Once: the resource's row and its event, never two of either.
        var database = $"{create.Service}-db.";
        var counts = await RowCounts.SnapshotAsync(fixture.Platform);
        failures.AddRange(counts.Where(c => c.Key.StartsWith(database, StringComparison.Ordinal)
                && c.Value - before.GetValueOrDefault(c.Key) > 1)
            .Select(c => $"{create}: {c.Key} grew by {c.Value - before.GetValueOrDefault(c.Key)} for one idempotent create"));
        return failures;
    }

    private async Task<IEnumerable<string>> SameETagChangesOnceAsync(ApiDocument document, ApiOperation change,
        JsonObject? createSchema, JsonObject created, string uri)
    {
        var schema = change.RequestBody.FirstOrDefault().Value ?? createSchema;
        var property = PlausibleBody.FreeTextProperty(document, schema) ?? PlausibleBody.FreeTextProperty(document, createSchema);
        if (property is null)
        {
            output.WriteLine($"not covered: {change} (no free-text property to change)");
            return [];
        }

        using var current = await fixture.Staff.GetAsync(new Uri(uri, UriKind.Relative));
        var etag = current.Headers.ETag;
        if (etag is null)
        {
            return [$"{change}: GET {uri} gave no ETag"];
        }

        var values = Enumerable.Range(0, Concurrent).Select(n => $"B2 {n} {Guid.NewGuid():N}"[..30]).ToArray();
        var responses = await Task.WhenAll(values.Select(async value =>
        {
            var body = change.Method == "PATCH" ? new JsonObject() : (JsonObject)created.DeepClone();
            body[property] = value;
            using var request = new HttpRequestMessage(new HttpMethod(change.Method), uri)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, change.RequestBody.Keys.FirstOrDefault() ?? "application/json"),
            };
            request.Headers.IfMatch.Add(etag);
            using var response = await fixture.Staff.SendAsync(request);
            return (Value: value, Status: (int)response.StatusCode);
        }));

        using var after = await fixture.Staff.GetAsync(new Uri(uri, UriKind.Relative));
        var stored = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(property).GetString();
        var statuses = responses.Select(r => r.Status).ToList();
        output.WriteLine($"{change}: same ETag ×{Concurrent} → {string.Join(' ', statuses)}");
        var winners = responses.Where(r => r.Status is >= 200 and < 300).ToList();
        var failures = new List<string>();
        if (winners.Count != 1 || statuses.Count(s => s == 412) != Concurrent - 1)
        {
            failures.Add($"{change}: {Concurrent} changes with one ETag gave {string.Join(' ', statuses)}; expected one 2xx and 412s");
        }
        else if (stored != winners[0].Value)
        {
            failures.Add($"{change}: the accepted change set {property} to \"{winners[0].Value}\" but \"{stored}\" is stored");
        }

        return failures;
    }

    private Task<HttpResponseMessage> SendAsync(ApiOperation create, JsonObject body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, create.Path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, create.RequestBody.Keys.First()),
        };
        request.Headers.Add("Idempotency-Key", key);
        return fixture.Staff.SendAsync(request);
    }

    private static bool IsItemOf(string path, string collection) =>
        path.StartsWith(collection.TrimEnd('/') + "/{", StringComparison.Ordinal)
        && path.IndexOf('/', collection.TrimEnd('/').Length + 1) < 0;

    private static string Item(string template, string id)
    {
        var start = template.LastIndexOf('{');
        return template[..start] + id;
    }
}
