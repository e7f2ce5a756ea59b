using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using CQCTP.AppHost.LocalInfra;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.IntegrationTests;

/// <summary>What an integrator is given: the event catalogue at the gateway, and the broker with its management API.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IntegratorDoorTests(PlatformFixture fixture)
{
    [Fact]
    public async Task EventCatalogue_AtTheGateway_IsAnonymousCacheable_AndNamesTheBroker()
    {
        var broker = new Uri(await fixture.Platform.BrokerConnectionStringAsync());

        using var response = await fixture.As(null).GetAsync("/asyncapi.json");
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal("3.0.0", document.GetProperty("asyncapi").GetString());
        Assert.True(document.GetProperty("channels").TryGetProperty("OrganizationRegistered", out _));
        Assert.False(document.GetProperty("channels").TryGetProperty("ConsentGiven", out _));
        Assert.Equal($"{broker.Host}:{broker.Port}",
            document.GetProperty("servers").GetProperty("broker").GetProperty("host").GetString());
    }

    [Fact]
    public async Task BrokerManagementApi_AnswersOnTheUrlTheResourceShows()
    {
        var notifications = fixture.Platform.App.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(notifications.TryGetCurrentState(ResourceNames.Messaging, out var broker));
        var shown = Assert.Single(broker.Snapshot.Urls, u => u.Name == LocalRabbitMQResource.ManagementEndpointName);
        var amqp = new Uri(await fixture.Platform.BrokerConnectionStringAsync());
        using var client = new HttpClient { BaseAddress = new Uri(shown.Url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));

        var overview = await client.GetFromJsonAsync<JsonElement>("/api/overview");

        Assert.False(string.IsNullOrEmpty(overview.GetProperty("management_version").GetString()));
        // The broker it manages is this platform's: its AMQP listener is the port services connect to, a free one.
        Assert.Contains(overview.GetProperty("listeners").EnumerateArray(),
            l => l.GetProperty("protocol").GetString() == "amqp" && l.GetProperty("port").GetInt32() == amqp.Port);
        Assert.NotEqual(5672, amqp.Port);
        Assert.NotEqual(15672, new Uri(shown.Url).Port);
    }
}
