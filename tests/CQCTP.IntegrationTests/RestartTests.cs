using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace CQCTP.IntegrationTests;

public sealed class RestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Restart_WithSameDataRoot_KeepsOrganizations()
    {
        var dataRoot = PlatformInstance.NewDataRoot();
        var name = Http.UniqueName("Refuge persistant");
        try
        {
            string id;
            await using (var first = await PlatformInstance.StartAsync(dataRoot, durable: true))
            {
                using var gateway = first.CreateGatewayClient();
                id = (await gateway.CreateOrganizationAsync(name)).Body.GetProperty("id").GetString()!;
                output.WriteLine($"first start: {first.StartedIn.TotalSeconds:F1} s");
            }

            await using var second = await PlatformInstance.StartAsync(dataRoot, durable: true);
            output.WriteLine($"second start: {second.StartedIn.TotalSeconds:F1} s");
            using var again = second.CreateGatewayClient();
            using var response = await again.GetAsync($"{Http.Organizations}/{id}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(name, body.GetProperty("legalName").GetString());
        }
        finally
        {
            PlatformInstance.DeleteQuietly(dataRoot);
        }
    }
}
