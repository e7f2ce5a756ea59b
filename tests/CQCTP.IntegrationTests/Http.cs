using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CQCTP.IntegrationTests;

internal static class Http
{
    public const string Organizations = "/api/v1/membership/organizations";
    public const string MemberOrganizations = "/api/v1/concertation/member-organizations";

    /// <summary>Polls until <paramref name="probe"/> returns a value: events arrive eventually, not synchronously.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : struct
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Nothing after {timeout.TotalSeconds:F0} s.");
            await Task.Delay(20);
        }
    }

    public static HttpRequestMessage Json(HttpMethod method, string uri, object body, string? language = null,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, uri)
        {
            Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, contentType),
        };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return request;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 200)];

    public static async Task<(JsonElement Body, string ETag)> CreateOrganizationAsync(this HttpClient gateway, string legalName)
    {
        using var response = await gateway.SendAsync(Json(HttpMethod.Post, Organizations, new { legalName }));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync(), response.Headers.ETag!.ToString());
    }

    public static async Task<int> CountOrganizationsAsync(this HttpClient gateway, string search)
    {
        var page = await gateway.GetFromJsonAsync<JsonElement>($"{Organizations}?search={Uri.EscapeDataString(search)}");
        return page.GetProperty("total").GetInt32();
    }
}
