using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// Enum filters in a query string, in the API's spelling (<c>?status=active</c>): parsed here rather than by binding,
/// which would also take numbers and PascalCase and answer without naming the allowed values.
/// </summary>
public static class QueryFilter
{
    public static bool TryParse<TEnum>(string? value, string parameter, out TEnum? parsed,
        [NotNullWhen(false)] out Dictionary<string, FieldError[]>? errors) where TEnum : struct, Enum
    {
        parsed = null;
        errors = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Spelling(candidate), value.Trim(), StringComparison.Ordinal))
            {
                parsed = candidate;
                return true;
            }
        }

        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(Spelling));
        errors = new Dictionary<string, FieldError[]>
        {
            [parameter] = [new FieldError(ValidationMessages.InvalidValue, $"{ValidationMessages.Error(ValidationMessages.InvalidValue).Message} ({allowed})")],
        };
        return false;
    }

    public static string Spelling<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
