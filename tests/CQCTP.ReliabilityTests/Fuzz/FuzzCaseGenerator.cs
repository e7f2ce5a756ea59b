using System.Text;
using System.Text.Json.Nodes;
using CQCTP.ReliabilityTests.OpenApi;

namespace CQCTP.ReliabilityTests.Fuzz;

/// <summary>
/// Bad requests for one write operation, from its OpenAPI description alone. Nothing generated can change existing
/// data: path ids never exist, <c>If-Match</c> is stale, and a body either breaks its schema or lacks a required field.
/// </summary>
public sealed class FuzzCaseGenerator(ApiDocument document)
{
    /// <summary>Bound per operation, so the suite stays within minutes as endpoints are added.</summary>
    public const int MaxCasesPerOperation = 60;

    /// <summary>
    /// A NUL in the path is refused by Kestrel itself with a bare 400, before any application code: the one case whose
    /// refusal cannot carry a ProblemDetails body (docs/reliability.md).
    /// </summary>
    public const string NulInPath = "nul";

    private const int MaxPropertiesPerOperation = 10;
    private const string StaleETag = "\"fuzz-stale-etag\"";
    private static readonly string HugeString = new('x', 100_000);

    public IReadOnlyList<FuzzCase> Generate(ApiOperation operation)
    {
        var target = new ApiTarget(operation.Service, operation.Method, operation.Path);
        var (mediaType, schema) = operation.RequestBody.Count > 0
            ? operation.RequestBody.First() is var (m, s) ? (m, s) : default
            : (null, null);
        var hasBody = mediaType is not null;
        var ids = operation.PathParameters.ToDictionary(p => p.Name, NonexistentId);
        var headers = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (operation.Accepts("If-Match"))
        {
            headers["If-Match"] = StaleETag;
        }

        // A body that alone could be valid must not reach a create: a change nothing else blocks would be written.
        var blocked = ids.Count > 0 || operation.Requires("If-Match") || ApiDocument.Required(schema).Count > 0;
        var cases = new List<FuzzCase>();

        FuzzCase Case(string name, string? body, string? contentType = null, IReadOnlyDictionary<string, string>? pathValues = null,
            Action<Dictionary<string, string?>>? changeHeaders = null, byte[]? raw = null)
        {
            var caseHeaders = new Dictionary<string, string?>(headers, StringComparer.OrdinalIgnoreCase);
            if (operation.Accepts("Idempotency-Key"))
            {
                caseHeaders["Idempotency-Key"] = Guid.NewGuid().ToString();
            }

            changeHeaders?.Invoke(caseHeaders);
            var bytes = raw ?? (body is null ? null : Encoding.UTF8.GetBytes(body));
            return new FuzzCase(target, name, Uri(operation.Path, pathValues ?? ids), bytes,
                bytes is null ? null : contentType ?? mediaType ?? "application/json", caseHeaders);
        }

        var baseBody = hasBody ? "{}" : null;

        // Path ids that are not ids.
        foreach (var parameter in operation.PathParameters.Take(2))
        {
            foreach (var (name, value) in new[]
                     {
                         ("not-a-uuid", "not-a-uuid"), (NulInPath, "%00"), ("traversal", "..%2F..%2Fhealth"),
                         ("long", new string('9', 300)), ("sql", "%27%20OR%20%271%27%3D%271"),
                     })
            {
                cases.Add(Case($"path {parameter.Name}: {name}", baseBody,
                    pathValues: new Dictionary<string, string>(ids) { [parameter.Name] = value }));
            }
        }

        // Preconditions and idempotency keys.
        if (operation.Accepts("If-Match"))
        {
            cases.Add(Case("If-Match missing", baseBody, changeHeaders: h => h.Remove("If-Match")));
            cases.Add(Case("If-Match unquoted", baseBody, changeHeaders: h => h["If-Match"] = "no-quotes"));
            cases.Add(Case("If-Match weak", baseBody, changeHeaders: h => h["If-Match"] = "W/\"weak\""));
            cases.Add(Case("If-Match empty", baseBody, changeHeaders: h => h["If-Match"] = ""));
        }

        if (operation.Accepts("Idempotency-Key"))
        {
            cases.Add(Case("Idempotency-Key 300 characters", baseBody, changeHeaders: h => h["Idempotency-Key"] = new string('k', 300)));
            cases.Add(Case("Idempotency-Key blank", baseBody, changeHeaders: h => h["Idempotency-Key"] = "   "));
        }

        if (hasBody)
        {
            // Bodies that are not what the content type says.
            cases.Add(Case("no body", null));
            cases.Add(Case("text/plain", "{}", "text/plain"));
            cases.Add(Case("application/xml", "<organization/>", "application/xml"));
            cases.Add(Case("malformed JSON", "{\"a\":"));
            cases.Add(Case("JSON null", "null"));
            cases.Add(Case("JSON array", "[]"));
            cases.Add(Case("JSON string", "\"text\""));
            cases.Add(Case("invalid UTF-8", null, raw: [.. "{\"x\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8]));
            cases.Add(Case("deep nesting", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)));
            cases.Add(Case("huge number", "{\"n\":1e400}"));
            if (blocked)
            {
                cases.Add(Case("unknown fields", "{\"zzUnknownFuzz\":true,\"id\":\"" + Guid.NewGuid() +
                    "\",\"status\":\"active\",\"createdAt\":\"2000-01-01T00:00:00Z\",\"organizationId\":\"" + Guid.NewGuid() + "\"}"));
            }

            foreach (var (property, propertySchema) in document.Properties(schema).Take(MaxPropertiesPerOperation))
            {
                foreach (var (name, value) in BadValues(propertySchema, blocked))
                {
                    var body = new JsonObject { [property] = value?.DeepClone() };
                    cases.Add(Case($"{property}: {name}", body.ToJsonString()));
                }
            }
        }

        return [.. cases.Take(MaxCasesPerOperation)];
    }

    /// <summary>Values that break a property's schema (or, where <paramref name="blocked"/>, may merely be odd).</summary>
    private IEnumerable<(string Name, JsonNode? Value)> BadValues(JsonObject schema, bool blocked)
    {
        var types = document.Types(schema);
        var nullable = types.Contains("null");
        if (!nullable || blocked)
        {
            yield return ("null", null);
        }

        yield return types.Contains("string") ? ("wrong type", JsonValue.Create(12345)) : ("wrong type", JsonValue.Create("text"));
        if (types.Contains("string"))
        {
            if (blocked)
            {
                yield return ("empty", JsonValue.Create(""));
            }

            yield return ("100k characters", JsonValue.Create(HugeString));
            yield return ("NUL character", JsonValue.Create("a\u0000b"));
            if (schema["enum"] is JsonArray)
            {
                yield return ("unknown enum value", JsonValue.Create("no-such-value"));
            }

            if (schema["format"]?.GetValue<string>() is "date" or "date-time")
            {
                yield return ("date out of range", JsonValue.Create("0000-13-45T25:61:61Z"));
                yield return ("date far future", JsonValue.Create("99999-12-31"));
            }
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("negative", JsonValue.Create(-1));
            yield return ("huge", JsonNode.Parse("99999999999999999999999999999999"));
        }

        if (types.Contains("object") || schema["properties"] is JsonObject)
        {
            // Within System.Text.Json's depth of 64 for the generator itself; the whole-body case goes to 5,000.
            yield return ("deep nesting", JsonNode.Parse(string.Concat(Enumerable.Repeat("{\"a\":", 50)) + "1" + new string('}', 50)));
            yield return ("array instead of object", new JsonArray());
        }

        if (types.Contains("array"))
        {
            yield return ("array of nulls", new JsonArray(null, null));
        }
    }

    private static string NonexistentId(ApiParameter parameter) =>
        parameter.Schema?["format"]?.GetValue<string>() == "uuid" || parameter.Schema?["type"] is null
            ? Guid.NewGuid().ToString()
            : $"fuzz-{Guid.NewGuid():N}";

    private static string Uri(string template, IReadOnlyDictionary<string, string> values)
    {
        var uri = template;
        foreach (var (name, value) in values)
        {
            uri = uri.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return uri;
    }
}
