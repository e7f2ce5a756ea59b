using System.Text.Json;
using System.Text.Json.Nodes;
using CQCTP.ApiConventions.Json;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;
using CQCTP.Primitives;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace CQCTP.ApiConventions.Http;

/// <summary>JSON Merge Patch (RFC 7396): <c>PATCH</c> bodies in <c>application/merge-patch+json</c>.</summary>
public static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>Endpoint filter: 415 unless the body is <c>application/merge-patch+json</c>.</summary>
    public static TBuilder AcceptsMergePatch<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (invocation, next) =>
            MediaTypeHeaderValue.TryParse(invocation.HttpContext.Request.ContentType, out var contentType)
                && contentType.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase)
                    ? await next(invocation)
                    : ApiProblems.Result(ProblemCatalog.UnsupportedMediaType,
                        new Localized($"Le corps doit être de type {MediaType}.", $"The body must be {MediaType}.").Current));
        builder.WithMetadata(new AcceptsMetadata([MediaType], typeof(JsonElement)));
        return builder;
    }

    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="current"/> (the resource as a request) and validates the
    /// result like a full request: null with the patched request, or the 400 to answer (a patch that is not an
    /// object, a value of the wrong JSON type, a field that breaks its rules), with field errors.
    /// </summary>
    public static ProblemHttpResult? TryApply<T>(T current, JsonElement patch, out T patched)
    {
        patched = current;
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return ApiProblems.Result(ProblemCatalog.MalformedRequest, ValidationMessages.MalformedJson.Current);
        }

        try
        {
            patched = Apply(current, patch, ApiJson.Options);
        }
        catch (JsonException ex)
        {
            var field = JsonPaths.ToFieldName(ex.Path);
            return ApiProblems.Result(ProblemCatalog.MalformedRequest, ValidationMessages.MalformedJson.Current,
                field is null ? null : new Dictionary<string, FieldError[]>
                {
                    [field] = [ValidationMessages.Error(ValidationMessages.InvalidType)],
                });
        }

        var errors = RequestValidator.Validate(patched);
        return errors.Count > 0 ? ApiProblems.Validation(errors) : null;
    }

    /// <summary>Applies <paramref name="patch"/> to the JSON form of <paramref name="target"/> and reads it back.</summary>
    public static T Apply<T>(T target, JsonElement patch, JsonSerializerOptions options)
    {
        var document = JsonSerializer.SerializeToNode(target, options);
        var merged = Merge(document, JsonNode.Parse(patch.GetRawText()));
        return merged.Deserialize<T>(options)
            ?? throw new JsonException("A merge patch cannot replace the whole resource with null.");
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                var existing = result[name];
                var merged = Merge(existing, value);
                // Nested objects are merged in place; only new nodes need attaching.
                if (!ReferenceEquals(merged, existing))
                {
                    result[name] = merged;
                }
            }
        }

        return result;
    }
}
