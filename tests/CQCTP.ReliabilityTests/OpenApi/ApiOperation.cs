using System.Text.Json.Nodes;

namespace CQCTP.ReliabilityTests.OpenApi;

/// <summary>One operation of a service's OpenAPI document, with every <c>$ref</c> of its request body resolved.</summary>
public sealed record ApiOperation(
    string Service,
    string Method,
    string Path,
    string? OperationId,
    IReadOnlyList<ApiParameter> Parameters,
    IReadOnlyDictionary<string, JsonObject?> RequestBody,
    bool RequestBodyRequired,
    IReadOnlyDictionary<string, JsonObject?> Responses)
{
    public static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public bool Writes => WriteMethods.Contains(Method);

    public IEnumerable<ApiParameter> PathParameters => Parameters.Where(p => p.In == "path");

    public bool Requires(string header) =>
        Parameters.Any(p => p.In == "header" && p.Required && p.Name.Equals(header, StringComparison.OrdinalIgnoreCase));

    public bool Accepts(string header) =>
        Parameters.Any(p => p.In == "header" && p.Name.Equals(header, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Method} {Path}";
}
