using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CQCTP.ReliabilityTests.Fuzz;

/// <summary>
/// What every refusal must look like: a 4xx (never a 5xx, never a success), a ProblemDetails body with a code from the
/// catalogue, and nothing of the implementation (stack frames, exception or framework type names).
/// </summary>
public sealed partial class ResponseCheck(IReadOnlySet<string> knownCodes)
{
    public string? Violation(HttpStatusCode status, string? contentType, string body)
    {
        var code = (int)status;
        if (code >= 500)
        {
            return $"answered {code}";
        }

        if (code < 400)
        {
            return $"accepted bad input ({code})";
        }

        if (Internals().Match(body) is { Success: true } leak)
        {
            return $"body shows internals: \"{leak.Value}\"";
        }

        if (contentType != "application/problem+json")
        {
            return $"{code} without ProblemDetails (content type {contentType ?? "none"})";
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            var problemCode = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            if (problemCode is null || !knownCodes.Contains(problemCode))
            {
                return $"{code} with code {problemCode ?? "missing"}, not one of the catalogue";
            }

            if (!problem.RootElement.TryGetProperty("status", out var s) || s.GetInt32() != code)
            {
                return $"{code} whose ProblemDetails status differs";
            }
        }
        catch (JsonException)
        {
            return $"{code} with a body that is not JSON";
        }

        return null;
    }

    public async Task<string?> ViolationAsync(HttpResponseMessage response) =>
        Violation(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync());

    // Stack frames ("   at X.Y()"), exception type names, and .NET namespaces in a body are implementation details.
    [GeneratedRegex(@"\bat [A-Za-z_][\w.`<>]+\(|[A-Za-z]+Exception\b|\b(System|Microsoft|Npgsql|CQCTP|MassTransit)\.[A-Z]\w*")]
    private static partial Regex Internals();
}
