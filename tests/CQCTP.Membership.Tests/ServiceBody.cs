using System.Text.Json.Serialization;

namespace CQCTP.Membership.Tests;

/// <summary>A service as the tests send it (camelCase on the wire), so a test can vary one field with <c>with</c>.</summary>
internal sealed record ServiceBody
{
    [JsonPropertyName("category")]
    public string Category { get; init; } = "";

    [JsonPropertyName("name")]
    public NameBody Name { get; init; } = new("", null);

    [JsonPropertyName("eligibility")]
    public NameBody? Eligibility { get; init; }

    [JsonPropertyName("regionCodes")]
    public IReadOnlyList<string> RegionCodes { get; init; } = [];

    [JsonPropertyName("languages")]
    public IReadOnlyList<string> Languages { get; init; } = [];

    [JsonPropertyName("focus")]
    public IReadOnlyList<string> Focus { get; init; } = [];

    [JsonPropertyName("isPublic")]
    public bool IsPublic { get; init; }
}
