using CQCTP.ServiceDefaults;

namespace CQCTP.IntegrationTests;

/// <summary>What an operator reads in the gateway's console after a normal start.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StartupLogTests(PlatformFixture fixture)
{
    // The gateway's readiness includes every service's. While the services were starting, the AppHost asked it five
    // times a second, and each refused upstream was logged as an error with its stack trace: hundreds at every start.
    [Fact]
    public async Task PlatformStart_GatewayLogsNoFailedUpstreamHealthCheck()
    {
        // Console lines reach the test a moment after the process writes them: the host's own start line first.
        await MessagingTests.WaitUntilAsync(() => Task.FromResult(GatewayConsole()
            .Any(line => line.Contains("Application started", StringComparison.Ordinal))), TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(GatewayConsole(), line => line.Contains("with status Unhealthy", StringComparison.Ordinal));
    }

    private IReadOnlyList<string> GatewayConsole() => fixture.Platform.Consoles.Of(ResourceNames.Gateway);
}
