using System.Net.Http.Json;
using System.Text.Json;

namespace CQCTP.Samples.Subscriber;

/// <summary>The public event exchanges, read from the platform's AsyncAPI document (<c>/asyncapi.json</c>).</summary>
public static class Catalogue
{
    public static async Task<IReadOnlyList<string>> ExchangesAsync(Uri document, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var catalogue = await http.GetFromJsonAsync<JsonElement>(document, cancellationToken);
        return [.. catalogue.GetProperty("channels").EnumerateObject()
            .Select(channel => channel.Value.GetProperty("address").GetString())
            .OfType<string>()];
    }
}
