using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Api.Domain;
using CQCTP.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CQCTP.Integrations.Tests.WebhookRequests;

namespace CQCTP.Integrations.Tests;

/// <summary>
/// Many events to several subscriptions at once (issue #13): every event reaches every subscription, once, while the
/// dispatcher keeps all of them busy together.
/// </summary>
[Collection(IntegrationsCollection.Name)]
public sealed class WebhookFanOutTests(IntegrationsFixture fixture)
{
    private const int Events = 200;
    private const int Subscriptions = 5;

    /// <summary>A bound on a stall, not a measure: a healthy run delivers in a few seconds.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ManyEvents_ToSeveralSubscriptions_AreEachDeliveredOncePerSubscription()
    {
        var receivers = new List<WebhookReceiver>();
        try
        {
            using var client = fixture.CreateClient(NewIntegrator());
            var subscriptions = new List<Guid>();
            for (var i = 0; i < Subscriptions; i++)
            {
                var receiver = await WebhookReceiver.StartAsync();
                receivers.Add(receiver);
                subscriptions.Add((await RegisterAsync(client, receiver.Url, "OrganizationRegistered")).Id);
            }

            var messageIds = Enumerable.Range(0, Events).Select(_ => Guid.NewGuid()).ToList();
            var expected = messageIds.Select(id => id.ToString()).Order().ToList();

            await fixture.PublishRegisteredAsync(messageIds, "Eventail");
            var deliveries = await WaitForDeliveredAsync(subscriptions, receivers, expected);

            // Where it stopped, if it did: each receiver's count and the rows by state.
            var states = string.Join(", ", deliveries.GroupBy(d => (d.Status, d.Attempts, d.LastError))
                .Select(g => $"{g.Key.Status}/{g.Key.Attempts}/{g.Key.LastError}: {g.Count()}"));
            Assert.True(deliveries.Count == Events * Subscriptions && deliveries.All(d => d.Status == DeliveryStatus.Delivered),
                $"Received {string.Join(", ", receivers.Select(r => r.Received.Count))}; rows {states}");
            Assert.All(receivers, r => Assert.Equal(expected, r.Received.Select(w => w.Id).Order().ToList()));
            Assert.Equal(Events * Subscriptions, deliveries.Count);
            Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));
        }
        finally
        {
            foreach (var receiver in receivers)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    /// <summary>The delivery rows of <paramref name="subscriptions"/>, once all arrived and were recorded (or at the bound).</summary>
    private async Task<List<WebhookDelivery>> WaitForDeliveredAsync(List<Guid> subscriptions,
        List<WebhookReceiver> receivers, List<string> expected)
    {
        using var deadline = new CancellationTokenSource(Wait);
        while (true)
        {
            await using var scope = fixture.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            var deliveries = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => subscriptions.Contains(d.SubscriptionId)).ToListAsync(CancellationToken.None);
            var done = receivers.All(r => r.Received.Count >= expected.Count)
                && deliveries.Count == expected.Count * receivers.Count
                && deliveries.All(d => d.Status != DeliveryStatus.Pending);
            if (done || deadline.IsCancellationRequested)
            {
                return deliveries;
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }
}
