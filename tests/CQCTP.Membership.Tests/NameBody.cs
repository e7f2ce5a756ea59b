using System.Text.Json.Serialization;

namespace CQCTP.Membership.Tests;

/// <summary>A bilingual text as the tests send it.</summary>
internal sealed record NameBody([property: JsonPropertyName("fr")] string Fr, [property: JsonPropertyName("en")] string? En);
