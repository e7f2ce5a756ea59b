using System.Text.Json.Nodes;
using CQCTP.ReliabilityTests.OpenApi;

namespace CQCTP.ReliabilityTests.Attacks;

/// <summary>Fields in a response that its documented schema does not list: data a client was never meant to get.</summary>
public static class ResponseFields
{
    public static IEnumerable<string> Undocumented(ApiDocument document, JsonObject? schema, JsonNode? json, string path)
    {
        schema = document.Resolve(schema);
        if (schema is null || json is null)
        {
            yield break;
        }

        // A nullable wrapper (oneOf [null, X]) or a union: the first object schema in it.
        if (schema["properties"] is null && (schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray union)
        {
            schema = union.Select(document.Resolve).FirstOrDefault(s => s?["properties"] is not null || s?["items"] is not null) ?? schema;
        }

        switch (json)
        {
            case JsonObject obj when schema["properties"] is JsonObject:
                var properties = document.Properties(schema);
                var open = schema["additionalProperties"] is JsonObject or JsonValue;
                foreach (var (name, value) in obj)
                {
                    if (properties.TryGetValue(name, out var property))
                    {
                        foreach (var nested in Undocumented(document, property, value, $"{path}.{name}"))
                        {
                            yield return nested;
                        }
                    }
                    else if (!open)
                    {
                        yield return $"{path}.{name}";
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonNode items:
                foreach (var nested in array.Take(5).SelectMany(item => Undocumented(document, document.Resolve(items), item, $"{path}[]")))
                {
                    yield return nested;
                }

                break;
        }
    }
}
