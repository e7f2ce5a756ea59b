using System.Text.Json;
using CQCTP.Integrations.Events;
using CQCTP.Membership.Contracts;
using CQCTP.ServiceDefaults;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CQCTP.IntegrationTests;

/// <summary>
/// Replay through the AppHost, the way docs/integrations.md tells integrators: dev-integrator connects after three
/// organizations were created at the gateway and reads them back from the stream, from a timestamp before them.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReplayEndToEndTests(PlatformFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static readonly string Registered = EventSubscriptions.ExchangeName(typeof(OrganizationRegistered));

    [Fact]
    public async Task IntegratorConnectingAfterThreeEvents_ReplaysAllThree_InOrder_WithTheLiveMessageIds()
    {
        var amqp = new Uri(await fixture.Platform.BrokerConnectionStringAsync());
        // A second before: the stream's timestamps are in whole seconds.
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        // The platform's own account witnesses the live envelopes; the integrator has not connected yet.
        var live = new List<(string OrganizationId, string MessageId)>();
        await using (var witness = await DeliveryTap.BindAsync(amqp, Registered))
        {
            for (var i = 1; i <= 3; i++)
            {
                var (created, _) = await fixture.Gateway.CreateOrganizationAsync(Http.UniqueName($"Rejeu {i}"));
                var id = created.GetProperty("id").GetString()!;
                // Each published before the next is created: publication order is creation order.
                live.Add((id, await WaitForLiveAsync(witness, id)));
            }
        }

        var replayed = new List<(string Exchange, string OrganizationId, string MessageId)>();
        var allThree = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wanted = live.Select(l => l.OrganizationId).ToHashSet();
        await using var integrator = await IntegratorDoorTests.ConnectAsDevIntegratorAsync(amqp);
        await using var stream = await integrator.CreateChannelAsync();
        await stream.BasicQosAsync(0, 100, false);
        var consumer = new AsyncEventingBasicConsumer(stream);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            // Other tests' events share the stream: only this test's three count.
            using var envelope = JsonDocument.Parse(delivery.Body);
            var message = envelope.RootElement.GetProperty("message");
            if (message.TryGetProperty("organizationId", out var organization)
                && wanted.Contains(organization.GetString()!))
            {
                replayed.Add((delivery.Exchange, organization.GetString()!,
                    envelope.RootElement.GetProperty("messageId").GetString()!));
                if (replayed.Count == wanted.Count)
                {
                    allThree.TrySetResult();
                }
            }

            await stream.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await stream.BasicConsumeAsync(IntegrationEvents.ReplayStream, autoAck: false, consumerTag: "", noLocal: false,
            exclusive: false, arguments: new Dictionary<string, object?>
            {
                ["x-stream-offset"] = new AmqpTimestamp(since.ToUnixTimeSeconds()),
            }, consumer: consumer);

        await allThree.Task.WaitAsync(Wait);

        Assert.Equal(live.Select(l => l.OrganizationId), replayed.Select(r => r.OrganizationId));
        Assert.Equal(live.Select(l => l.MessageId), replayed.Select(r => r.MessageId));
        Assert.All(replayed, r => Assert.Equal(Registered, r.Exchange));
    }

    /// <summary>The live envelope's messageId of <paramref name="organizationId"/>'s event, once it was published.</summary>
    private static async Task<string> WaitForLiveAsync(DeliveryTap witness, string organizationId)
    {
        while (true)
        {
            using var delivery = await witness.NextAsync();
            var envelope = delivery.Envelope.RootElement;
            if (envelope.GetProperty("message").GetProperty("organizationId").GetString() == organizationId)
            {
                return envelope.GetProperty("messageId").GetString()!;
            }
        }
    }
}
