using CQCTP.ReliabilityTests.OpenApi;

namespace CQCTP.ReliabilityTests.Fuzz;

/// <summary>
/// Sends every generated case of every write operation and collects what breaks the rules: a 5xx, a body that is not
/// a ProblemDetails with a known code, internals in a body, a row written, or a body taken without a documented schema.
/// </summary>
public sealed class FuzzRunner(HttpClient client, ResponseCheck check,
    Func<Task<IReadOnlyDictionary<string, long>>>? snapshot = null)
{
    public async Task<FuzzReport> RunAsync(IEnumerable<ApiDocument> documents)
    {
        var report = new FuzzReport();
        foreach (var document in documents)
        {
            var generator = new FuzzCaseGenerator(document);
            foreach (var operation in document.Operations().Where(o => o.Writes))
            {
                report.Violations.AddRange(MissingSchemas(operation, document));
                var cases = generator.Generate(operation);
                report.CasesPerOperation[$"{operation.Service}: {operation}"] = cases.Count;
                var before = snapshot is null ? null : await snapshot();
                foreach (var fuzz in cases)
                {
                    using var request = fuzz.ToRequest();
                    using var response = await client.SendAsync(request);
                    if (await check.ViolationAsync(response) is { } violation && !IsServerLevelRefusal(fuzz, response))
                    {
                        report.Violations.Add($"{fuzz}: {violation}");
                    }
                }

                if (before is not null)
                {
                    report.Violations.AddRange(RowCounts.Differences(before, await snapshot!())
                        .Select(d => $"{operation.Service}: {operation}: wrote a row ({d})"));
                }
            }
        }

        return report;
    }

    private static bool IsServerLevelRefusal(FuzzCase fuzz, HttpResponseMessage response) =>
        fuzz.Name.EndsWith(": " + FuzzCaseGenerator.NulInPath, StringComparison.Ordinal)
        && response.StatusCode == System.Net.HttpStatusCode.BadRequest && response.Content.Headers.ContentLength is 0 or null
        && response.Content.Headers.ContentType is null;

    /// <summary>
    /// A write that takes a body must say what the body is, or no partner (nor this suite) can know. A merge patch
    /// (RFC 7396) is a partial document of the resource, so the schema of the PUT on the same path describes it.
    /// </summary>
    public static IEnumerable<string> MissingSchemas(ApiOperation operation, ApiDocument document) =>
        operation.RequestBody
            .Where(content => content.Value is null || content.Value.Count == 0)
            .Where(content => !(content.Key == MergePatchMediaType && document.Operations().Any(o =>
                o.Method == "PUT" && o.Path == operation.Path && o.RequestBody.Values.Any(s => s is { Count: > 0 }))))
            .Select(content => $"{operation.Service}: {operation}: takes {content.Key} without a request schema");

    private const string MergePatchMediaType = "application/merge-patch+json";
}
