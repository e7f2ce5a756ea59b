using System.Text.Json.Nodes;

namespace CQCTP.Integrations.Api.Catalogue;

/// <summary>
/// An example instance generated from a JSON Schema, so every event has one without anyone writing it: fixed values
/// by type and format (the same document every time), nullable fields shown with a value.
/// </summary>
public static class ExampleValues
{
    public const string Uuid = "019acc6e-4f2c-7d1a-8a55-0d6f3c2b9e10";
    public const string Instant = "2026-11-28T23:04:51.123+00:00";
    public const string Date = "2026-11-28";
    public const string Text = "exemple / example";

    public static JsonNode? From(JsonNode? schema, string? name = null)
    {
        if (schema is not JsonObject node)
        {
            return JsonValue.Create(Text);
        }

        if (node["enum"] is JsonArray { Count: > 0 } values)
        {
            return values.First(v => v is not null)?.DeepClone();
        }

        return TypeOf(node) switch
        {
            "object" => Object(node),
            "array" => new JsonArray(From(node["items"], name)),
            "integer" => JsonValue.Create(name?.EndsWith("Year", StringComparison.OrdinalIgnoreCase) == true ? 2026 : 1),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            _ => JsonValue.Create((string?)node["format"] switch
            {
                "uuid" => Uuid,
                "date-time" => Instant,
                "date" => Date,
                _ => Text,
            }),
        };
    }

    private static JsonObject Object(JsonObject schema)
    {
        var example = new JsonObject();
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (property, propertySchema) in properties)
            {
                example[property] = From(propertySchema, property);
            }
        }

        return example;
    }

    // "type" is a name or a list with "null": the example takes the non-null one.
    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue single => (string?)single,
        JsonArray several => several.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        _ => null,
    };
}
