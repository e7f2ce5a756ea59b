using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CQCTP.ServiceDefaults;

/// <summary>
/// The readiness body: <c>{"status":"Degraded","checks":{"database":"Healthy","broker":"Degraded"}}</c>, so an
/// operator sees which dependency is down without the descriptions or exceptions an anonymous caller must not get.
/// </summary>
public static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteString(name, entry.Status.ToString());
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    /// <summary>Reads a body written by <see cref="WriteAsync"/> (the gateway's view of its upstreams).</summary>
    public static HealthStatus? ReadStatus(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("status", out var status)
                && Enum.TryParse<HealthStatus>(status.GetString(), out var parsed) ? parsed : null;
        }
        catch (JsonException)
        {
            return Enum.TryParse<HealthStatus>(body, out var plain) ? plain : null;
        }
    }
}
