using System.Text.Json.Nodes;

namespace CQCTP.ReliabilityTests.OpenApi;

/// <summary>
/// A service's OpenAPI 3 document read as JSON: the operations it documents, schemas resolved. Read through the
/// gateway, as a partner would, so an endpoint missing from it is missing for everyone.
/// </summary>
public sealed class ApiDocument(string service, JsonObject root)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public string Service { get; } = service;

    public static async Task<ApiDocument> LoadAsync(HttpClient client, string service)
    {
        var json = await client.GetStringAsync(new Uri($"/api/v1/{service}/openapi/v1.json", UriKind.Relative));
        return new ApiDocument(service, JsonNode.Parse(json)!.AsObject());
    }

    public IEnumerable<ApiOperation> Operations()
    {
        if (root["paths"] is not JsonObject paths)
        {
            yield break;
        }

        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem)
            {
                continue;
            }

            var shared = Parameters(pathItem["parameters"]);
            foreach (var method in Methods)
            {
                if (pathItem[method] is not JsonObject operation)
                {
                    continue;
                }

                var body = new Dictionary<string, JsonObject?>(StringComparer.OrdinalIgnoreCase);
                var bodyRequired = false;
                if (Resolve(operation["requestBody"]) is { } requestBody)
                {
                    bodyRequired = requestBody["required"]?.GetValue<bool>() ?? false;
                    foreach (var (mediaType, content) in requestBody["content"]?.AsObject() ?? [])
                    {
                        body[mediaType] = Resolve(content?["schema"]);
                    }
                }

                var responses = new Dictionary<string, JsonObject?>();
                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    var resolved = Resolve(response);
                    var schema = resolved?["content"]?.AsObject().Select(c => Resolve(c.Value?["schema"])).FirstOrDefault();
                    responses[status] = schema;
                }

                yield return new ApiOperation(Service, method.ToUpperInvariant(), path,
                    operation["operationId"]?.GetValue<string>(),
                    [.. shared, .. Parameters(operation["parameters"])], body, bodyRequired, responses);
            }
        }
    }

    /// <summary>Follows <c>$ref</c> (and a single-entry <c>allOf</c>/<c>oneOf</c> wrapper) to the schema itself.</summary>
    public JsonObject? Resolve(JsonNode? node)
    {
        for (var depth = 0; depth < 32 && node is JsonObject obj; depth++)
        {
            if (obj["$ref"]?.GetValue<string>() is { } reference)
            {
                node = Pointer(reference);
                continue;
            }

            return obj;
        }

        return node as JsonObject;
    }

    /// <summary>The properties of an object schema, each resolved; nullable unions (<c>type: [x, null]</c>) kept as they are.</summary>
    public IReadOnlyDictionary<string, JsonObject> Properties(JsonObject? schema)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (name, property) in Resolve(schema)?["properties"]?.AsObject() ?? [])
        {
            if (Resolve(property) is { } resolved)
            {
                result[name] = resolved;
            }
        }

        return result;
    }

    public static IReadOnlyList<string> Required(JsonObject? schema) =>
        [.. schema?["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []];

    /// <summary>The JSON types a schema allows (<c>"string"</c>, <c>["string","null"]</c>…); empty when it does not say.</summary>
    public IReadOnlyList<string> Types(JsonObject schema)
    {
        var resolved = Resolve(schema) ?? schema;
        return resolved["type"] switch
        {
            JsonArray array => [.. array.Select(t => t!.GetValue<string>())],
            JsonValue value => [value.GetValue<string>()],
            _ => (resolved["oneOf"] ?? resolved["anyOf"]) is JsonArray union
                ? [.. union.SelectMany(s => Resolve(s) is { } r ? Types(r) : [])]
                : [],
        };
    }

    private List<ApiParameter> Parameters(JsonNode? node) =>
    [
        .. (node as JsonArray ?? []).Select(Resolve).OfType<JsonObject>().Select(p => new ApiParameter(
            p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["required"]?.GetValue<bool>() ?? false,
            Resolve(p["schema"]))),
    ];

    private JsonNode? Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? node = root;
        foreach (var segment in reference[2..].Split('/'))
        {
            node = node?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node;
    }
}
