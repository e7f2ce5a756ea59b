using System.Text;
using System.Text.Json;

namespace CQCTP.ApiConventions.Validation;

public static class JsonPaths
{
    /// <summary><c>$.name.fr</c> → <c>name.fr</c>, <c>$.items[2].title</c> → <c>items[2].title</c>; null for the root.</summary>
    public static string? ToFieldName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return null;
        }

        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return path.Length == 0 ? null : path;
    }

    /// <summary>A C# property path (<c>Name.Fr</c>) as the camelCase key clients sent (<c>name.fr</c>).</summary>
    public static string CamelCase(string memberName) => JsonNamingPolicy.CamelCase.ConvertName(memberName);

    public static string Combine(string? prefix, string member)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return member;
        }

        return new StringBuilder(prefix).Append('.').Append(member).ToString();
    }
}
