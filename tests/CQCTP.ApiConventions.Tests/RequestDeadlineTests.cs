using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.ApiConventions.Resilience;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CQCTP.ApiConventions.Tests;

/// <summary>
/// Code that ignores its cancellation (as Npgsql's does for ~35 s against a frozen server) must not hold the caller:
/// the deadline answers 503 with Retry-After anyway. Without the deadline, the same app holds the caller (the control).
/// </summary>
public sealed class RequestDeadlineTests
{
    [Fact]
    public async Task WorkThatIgnoresCancellation_IsAnswered503AtTheDeadline()
    {
        await using var app = await AppAsync(withDeadline: true);
        // Well before the stuck work's 15 s: the answer must not wait for it.
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(10) };

        using var response = await client.PostAsync("/stuck", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("service-unavailable", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task WithoutTheDeadline_TheSameWorkHoldsTheCaller()
    {
        await using var app = await AppAsync(withDeadline: false);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(2) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.PostAsync("/stuck", null));
    }

    [Fact]
    public async Task AnAnswerInTime_PassesUnchanged()
    {
        await using var app = await AppAsync(withDeadline: true);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.GetAsync("/quick");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<WebApplication> AppAsync(bool withDeadline)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        if (withDeadline)
        {
            app.UseRequestDeadline(TimeSpan.FromMilliseconds(300));
        }

        // Ignores its token on purpose, like a driver waiting on a server that never answers.
        app.MapPost("/stuck", () => Task.Delay(TimeSpan.FromSeconds(15), CancellationToken.None));
        app.MapGet("/quick", () => Results.Ok());
        await app.StartAsync();
        return app;
    }
}
