using System.Text.Json;
using System.Text.Json.Nodes;
using CQCTP.ApiConventions.Http;
using CQCTP.Primitives;

namespace CQCTP.ApiConventions.Tests;

public sealed class MergePatchTests
{
    // The examples of RFC 7396, appendix A.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Apply_FollowsRfc7396(string target, string patch, string expected)
    {
        var result = MergePatch.Apply(JsonNode.Parse(target), JsonDocument.Parse(patch).RootElement,
            JsonSerializerOptions.Default);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString());
    }

    [Fact]
    public void Apply_ToTypedRequest_KeepsUnnamedFields()
    {
        var current = new Sample { Name = "Maison", Region = "05", Text = BilingualText.Of("fr", "en") };

        var patched = MergePatch.Apply(current, JsonDocument.Parse("""{"region":null,"text":{"en":"EN"}}""").RootElement,
            Json.ApiJson.Options);

        Assert.Equal("Maison", patched.Name);
        Assert.Null(patched.Region);
        Assert.Equal(BilingualText.Of("fr", "EN"), patched.Text);
    }

    public sealed record Sample
    {
        public string Name { get; init; } = "";
        public string? Region { get; init; }
        public BilingualText? Text { get; init; }
    }
}
