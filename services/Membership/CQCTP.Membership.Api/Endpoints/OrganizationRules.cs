using System.Text.RegularExpressions;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>Shape rules on list elements, which DataAnnotations cannot name (<c>regionsServed[2]</c>).</summary>
public static class OrganizationRules
{
    private static readonly Regex Region = new(OrganizationRequest.RegionPattern);
    private static readonly Regex Language = new("^[a-z]{2}$");

    /// <summary>Field errors keyed by JSON path under <paramref name="prefix"/> (empty when the request is fine).</summary>
    public static Dictionary<string, FieldError[]> Check(OrganizationRequest request, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        CheckList(errors, Path(prefix, "regionsServed"), request.RegionsServed, Region);
        CheckList(errors, Path(prefix, "languagesServed"), request.LanguagesServed, Language);
        if (request.FocusAreas is { } areas)
        {
            for (var i = 0; i < areas.Count; i++)
            {
                if (areas.Take(i).Contains(areas[i]))
                {
                    errors[$"{Path(prefix, "focusAreas")}[{i}]"] = [ValidationMessages.Error(ValidationMessages.Duplicate)];
                }
            }
        }

        return errors;
    }

    private static void CheckList(Dictionary<string, FieldError[]> errors, string path, IReadOnlyList<string>? values,
        Regex pattern)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            string? code = string.IsNullOrWhiteSpace(value) ? ValidationMessages.Required
                : !pattern.IsMatch(value) ? ValidationMessages.InvalidFormat
                : values.Take(i).Contains(value, StringComparer.Ordinal) ? ValidationMessages.Duplicate
                : null;
            if (code is not null)
            {
                errors[$"{path}[{i}]"] = [ValidationMessages.Error(code)];
            }
        }
    }

    private static string Path(string? prefix, string name) => prefix is null ? name : $"{prefix}.{name}";
}
