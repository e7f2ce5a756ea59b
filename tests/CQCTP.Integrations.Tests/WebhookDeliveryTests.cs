using System.Net;
using System.Text.Json;
using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Contracts;
using CQCTP.Messaging.Outbox;
using CQCTP.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CQCTP.Integrations.Tests.WebhookRequests;

namespace CQCTP.Integrations.Tests;

/// <summary>
/// Events from the replay stream to a receiver on 127.0.0.1: signed, retried with the same <c>webhook-id</c>, a 410
/// disables, and a host that resolves to a private address at delivery is refused before any connection.
/// </summary>
[Collection(IntegrationsCollection.Name)]
public sealed class WebhookDeliveryTests(IntegrationsFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PublishedEvent_ReachesTheReceiver_WithASignatureTheVerifierAccepts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = fixture.CreateClient(NewIntegrator());
        var (_, secret) = await RegisterAsync(client, receiver.Url, "OrganizationRegistered");
        var messageId = Guid.NewGuid();

        await fixture.PublishRegisteredAsync([messageId], "Livraison");
        var received = Assert.Single(await receiver.WaitForAsync(messageId, 1, Wait));

        received.Verify(secret);
        Assert.Equal(messageId, JsonDocument.Parse(received.Body).RootElement.GetProperty("messageId").GetGuid());
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(
            () => received.Verify(secret, received.Body.Replace("Livraison", "Falsifiee", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReceiverFailingTwice_GetsTheEventOnTheThirdTry_WithTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = attempt => attempt <= 2 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        using var client = fixture.CreateClient(NewIntegrator());
        var (id, _) = await RegisterAsync(client, receiver.Url, "OrganizationRegistered");
        var messageId = Guid.NewGuid();

        await fixture.PublishRegisteredAsync([messageId], "Livraison");
        var received = await receiver.WaitForAsync(messageId, 3, Wait);
        var log = await WaitForDeliveryAsync(client, id, messageId, d => d.GetProperty("status").GetString() == "delivered");

        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal(messageId.ToString(), r.Headers["webhook-id"]));
        Assert.Equal(3, log.GetProperty("attempts").GetInt32());
        Assert.Equal(200, log.GetProperty("lastStatusCode").GetInt32());
    }

    [Fact]
    public async Task ReceiverAnswering410_DisablesTheSubscriptionAtOnce_AndAnEventSaysSo()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => StatusCodes.Status410Gone;
        using var client = fixture.CreateClient(NewIntegrator());
        var (id, _) = await RegisterAsync(client, receiver.Url, "OrganizationRegistered");
        var messageId = Guid.NewGuid();

        await fixture.PublishRegisteredAsync([messageId], "Livraison");
        var log = await WaitForDeliveryAsync(client, id, messageId, d => d.GetProperty("status").GetString() == "failed");
        var subscription = await GetAsync(client, id);

        Assert.Single(await receiver.WaitForAsync(messageId, 1, Wait));
        Assert.Equal(410, log.GetProperty("lastStatusCode").GetInt32());
        Assert.False(subscription.GetProperty("enabled").GetBoolean());
        Assert.Equal("gone", subscription.GetProperty("disabledReason").GetString());
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var disabled = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.Contains(nameof(WebhookSubscriptionDisabled))).Select(m => m.Body).ToListAsync();
        Assert.Single(disabled, body => body.Contains(id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostRebindingToAPrivateAddress_IsRefusedAtDelivery_BeforeAnyConnection()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var host = $"rebind-{Guid.NewGuid():N}.test";
        fixture.Resolver.Answers[host] = [IPAddress.Loopback];
        using var client = fixture.CreateClient(NewIntegrator());
        var (id, _) = await RegisterAsync(client, new Uri($"http://{host}:{receiver.Url.Port}/hook"), "OrganizationRegistered");
        // After registration, the name now answers a private address (DNS rebinding).
        fixture.Resolver.Answers[host] = [IPAddress.Parse("10.0.0.5")];
        var messageId = Guid.NewGuid();

        await fixture.PublishRegisteredAsync([messageId], "Livraison");
        var log = await WaitForDeliveryAsync(client, id, messageId, d => d.GetProperty("attempts").GetInt32() >= 1);

        Assert.StartsWith("address-refused", log.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, log.GetProperty("lastStatusCode").ValueKind);
        Assert.Empty(receiver.Received);
    }

    private static async Task<JsonElement> WaitForDeliveryAsync(HttpClient client, Guid subscription, Guid messageId,
        Func<JsonElement, bool> until)
    {
        using var deadline = new CancellationTokenSource(Wait);
        JsonElement? last = null;
        while (!deadline.IsCancellationRequested)
        {
            last = (await DeliveriesAsync(client, subscription)).EnumerateArray()
                .Cast<JsonElement?>().FirstOrDefault(d => d!.Value.GetProperty("messageId").GetGuid() == messageId);
            if (last is { } found && until(found))
            {
                return found;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return last ?? throw new Xunit.Sdk.XunitException($"No delivery of {messageId} for {subscription}.");
    }

}
