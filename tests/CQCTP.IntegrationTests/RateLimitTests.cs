using System.Net;

namespace CQCTP.IntegrationTests;

/// <summary>
/// Bursts exhaust a rate-limit window, which would disturb any test sharing it: these run on their own platform.
/// Each test exhausts a different partition (anonymous IP, one client, the token endpoint), so they share it.
/// </summary>
public sealed class RateLimitTests(RateLimitPlatform fixture) : IClassFixture<RateLimitPlatform>
{
    /// <summary>Longer than any burst here takes on a loaded two-core machine (12 s seen for the anonymous one).</summary>
    private static readonly TimeSpan BurstRoom = TimeSpan.FromSeconds(40);

    private PlatformInstance Platform => fixture.Platform;

    [Fact]
    public async Task AnonymousBurst_Returns429WithRetryAfterAndProblem_AndOtherClientsAreUnaffected()
    {
        using var anonymous = Platform.CreateGatewayClient(clientId: null);
        await RateLimitWindow.WaitForRoomAsync(BurstRoom);

        var statuses = await BurstAsync(anonymous, "/api/v1/membership/openapi/v1.json", 140);
        using var limited = await anonymous.GetAsync("/api/v1/membership/openapi/v1.json");
        using var authenticated = await fixture.Staff.GetAsync(Http.Organizations);

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("too-many-requests", (await limited.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
    }

    [Fact]
    public async Task ClientBurst_LimitsThatClientOnly()
    {
        await RateLimitWindow.WaitForRoomAsync(BurstRoom);
        var statuses = await BurstAsync(fixture.Integrator, Http.Organizations, 640);
        using var other = await fixture.Staff.GetAsync(Http.Organizations);

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task TokenEndpointBurst_Returns429BeforeCheckingMoreSecrets()
    {
        using var anonymous = Platform.CreateGatewayClient(clientId: null);
        var statuses = new List<HttpStatusCode>();
        await RateLimitWindow.WaitForRoomAsync(BurstRoom);

        for (var i = 0; i < 70; i++)
        {
            statuses.Add((await Tokens.RequestAsync(anonymous, "guessing-client", $"guess-{i}")).Status);
        }

        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static async Task<List<HttpStatusCode>> BurstAsync(HttpClient client, string path, int count)
    {
        var statuses = new List<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (_, cancellationToken) =>
            {
                using var response = await client.GetAsync(path, cancellationToken);
                lock (statuses)
                {
                    statuses.Add(response.StatusCode);
                }
            });
        return statuses;
    }
}
