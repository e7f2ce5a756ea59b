using System.Text.Json.Nodes;

namespace CQCTP.ReliabilityTests.OpenApi;

/// <summary>
/// A body that should pass a schema: its required properties only, with unique text. Best effort: a schema with rules
/// it cannot guess (a pattern on a required field) gets a body the service refuses, and the caller reports that.
/// </summary>
public static class PlausibleBody
{
    public static JsonObject For(ApiDocument document, JsonObject? schema, string marker)
    {
        var body = new JsonObject();
        var properties = document.Properties(schema);
        foreach (var name in ApiDocument.Required(schema))
        {
            if (properties.TryGetValue(name, out var property))
            {
                body[name] = Value(document, property, marker);
            }
        }

        return body;
    }

    /// <summary>The first required free-text property: what a concurrent change can set to a value of its own.</summary>
    public static string? FreeTextProperty(ApiDocument document, JsonObject? schema)
    {
        var properties = document.Properties(schema);
        return ApiDocument.Required(schema).FirstOrDefault(name =>
            properties.TryGetValue(name, out var p) && IsFreeText(document, p));
    }

    public static string Text(string marker, JsonObject property)
    {
        var max = property["maxLength"]?.GetValue<int>() ?? 200;
        return marker.Length <= max ? marker : marker[..max];
    }

    private static JsonNode? Value(ApiDocument document, JsonObject property, string marker)
    {
        var types = document.Types(property);
        if (property["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]!.DeepClone();
        }

        if (types.Contains("string"))
        {
            return property["format"]?.GetValue<string>() switch
            {
                "email" => JsonValue.Create($"b2-{Guid.NewGuid():N}@example.org"),
                "uri" => JsonValue.Create("https://example.org/"),
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                "date" => JsonValue.Create("2027-01-01"),
                "date-time" => JsonValue.Create("2027-01-01T12:00:00Z"),
                _ => JsonValue.Create(Text(marker, property)),
            };
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(1);
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(false);
        }

        if (types.Contains("array"))
        {
            return new JsonArray();
        }

        return For(document, property, marker);
    }

    private static bool IsFreeText(ApiDocument document, JsonObject property) =>
        document.Types(property).Contains("string") && property["enum"] is null && property["format"] is null
        && property["pattern"] is null;
}
