using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using CQCTP.AppHost.LocalInfra;
using CQCTP.Membership.Contracts;
using CQCTP.Security;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace CQCTP.IntegrationTests;

/// <summary>What an integrator is given: the event catalogue at the gateway, and the broker with its management API.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IntegratorDoorTests(PlatformFixture fixture)
{
    private static readonly string[] Services = ["identity", "membership", "concertation", "knowledge", "funding", "integrations"];

    private static readonly string[] ConsumerQueues =
        ["identity-organization-statuses", "knowledge-organization-statuses", "concertation-member-organizations"];

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

    [Fact]
    public async Task DevIntegrator_ReadsAnOrganizationCreatedThroughTheGateway_WhileEachServiceUsesItsOwnBrokerUser()
    {
        var amqp = new Uri(await fixture.Platform.BrokerConnectionStringAsync());
        await using var integrator = await ConnectAsDevIntegratorAsync(amqp);
        await using var channel = await integrator.CreateChannelAsync();
        var queue = $"integrator.{DevelopmentClients.Integrator}.door-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue, EventSubscriptions.ExchangeName(typeof(OrganizationRegistered)), "");

        var (created, _) = await fixture.Gateway.CreateOrganizationAsync(Http.UniqueName("Porte des intégrateurs"));
        var id = created.GetProperty("id").GetString()!;

        var body = await EventuallyAsync(async () =>
            await channel.BasicGetAsync(queue, autoAck: true) is { } message ? Encoding.UTF8.GetString(message.Body.Span) : null,
            TimeSpan.FromSeconds(30));
        Assert.Contains(id, body, StringComparison.Ordinal);
        // The services' buses hold connections, each as the service's own user, created by the topology step.
        using var management = ManagementClient(amqp);
        var users = (await management.GetFromJsonAsync<JsonElement>("/api/connections")).EnumerateArray()
            .Select(c => c.GetProperty("user").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?>(Services.Select(BrokerUsers.OfService)), users);
        // Their permissions let MassTransit consume: a refused receive endpoint would leave its queue without one.
        var queues = (await management.GetFromJsonAsync<JsonElement>("/api/queues")).EnumerateArray()
            .ToDictionary(q => q.GetProperty("name").GetString()!, q => q);
        Assert.All(ConsumerQueues, q => Assert.True(
            queues.TryGetValue(q, out var queue) && queue.GetProperty("consumers").GetInt32() > 0, $"{q} has no consumer"));
    }

    // Identity reconciles integrators' broker users when it starts: the user may lag the gateway's readiness a little.
    internal static async Task<IConnection> ConnectAsDevIntegratorAsync(Uri amqp) =>
        await EventuallyAsync(async () =>
        {
            try
            {
                return await new ConnectionFactory
                {
                    HostName = amqp.Host,
                    Port = amqp.Port,
                    UserName = DevelopmentClients.Integrator,
                    Password = DevelopmentClients.SecretOf(DevelopmentClients.Integrator),
                }.CreateConnectionAsync();
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(60));

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    private HttpClient ManagementClient(Uri amqp)
    {
        var notifications = fixture.Platform.App.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(notifications.TryGetCurrentState(ResourceNames.Messaging, out var broker));
        var shown = Assert.Single(broker.Snapshot.Urls, u => u.Name == LocalRabbitMQResource.ManagementEndpointName);
        var client = new HttpClient { BaseAddress = new Uri(shown.Url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        return client;
    }
}
