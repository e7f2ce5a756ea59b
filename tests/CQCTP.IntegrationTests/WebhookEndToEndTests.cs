using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Security;
using Microsoft.AspNetCore.Http;

namespace CQCTP.IntegrationTests;

/// <summary>
/// The whole path through the AppHost: an organization created at the gateway is published by Membership's outbox,
/// kept in the replay stream, and POSTed by the integrations service to dev-integrator's webhook, signed; a receiver
/// that fails twice gets it on the third try.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhookEndToEndTests(PlatformFixture fixture)
{
    private const string Webhooks = "/api/v1/integrations/webhooks";

    private static readonly string[] Registered = ["OrganizationRegistered"];

    [Fact]
    public async Task OrganizationCreatedAtTheGateway_ReachesTheIntegratorsWebhook_WithAValidSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await RegisterAsync(receiver, "Bout en bout");

        var (organization, _) = await fixture.Gateway.CreateOrganizationAsync(Http.UniqueName("Webhook bout en bout"));
        var id = organization.GetProperty("id").GetString()!;
        var received = await receiver.WaitForAsync(r => r.Body.Contains(id, StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.NotNull(received);
        received.Verify(secret);
        using var envelope = JsonDocument.Parse(received.Body);
        Assert.Equal(received.Id, envelope.RootElement.GetProperty("messageId").GetString());
        Assert.Equal(id, envelope.RootElement.GetProperty("message").GetProperty("organizationId").GetString());
    }

    [Fact]
    public async Task ReceiverFailingTwice_GetsTheEventOnTheThirdTry_WithTheSameWebhookId_AndTheLogShowsTheAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = attempt => attempt <= 2 ? StatusCodes.Status500InternalServerError : StatusCodes.Status204NoContent;
        var (subscription, secret) = await RegisterAsync(receiver, "Trois essais");

        var (organization, _) = await fixture.Gateway.CreateOrganizationAsync(Http.UniqueName("Webhook trois essais"));
        var id = organization.GetProperty("id").GetString()!;
        var first = await receiver.WaitForAsync(r => r.Body.Contains(id, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.NotNull(first);
        var messageId = Guid.Parse(first.Id);
        // The AppHost's Testing schedule retries after 1 s, then 2 s.
        var attempts = await receiver.WaitForAsync(messageId, 3, TimeSpan.FromSeconds(60));
        var log = await DeliveredAsync(subscription, messageId);

        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(messageId.ToString(), a.Headers["webhook-id"]));
        Assert.All(attempts, a => a.Verify(secret));
        Assert.All(attempts, a => Assert.Equal(first.Body, a.Body));
        Assert.Equal(3, log.GetProperty("attempts").GetInt32());
        Assert.Equal(204, log.GetProperty("lastStatusCode").GetInt32());
    }

    /// <summary>
    /// The delivery log's entry for <paramref name="messageId"/> once it says Delivered (the attempt is saved after the
    /// receiver answered). Polled gently: the gateway's per-client limit counts these calls.
    /// </summary>
    private async Task<JsonElement> DeliveredAsync(Guid subscription, Guid messageId)
    {
        var integrator = fixture.As(DevelopmentClients.Integrator);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string last = "no entry";
        while (!deadline.IsCancellationRequested)
        {
            using var response = await integrator.GetAsync($"{Webhooks}/{subscription}/deliveries");
            if (response.IsSuccessStatusCode)
            {
                var entry = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
                    .Cast<JsonElement?>().FirstOrDefault(d => d!.Value.GetProperty("messageId").GetGuid() == messageId);
                if (entry is { } found)
                {
                    if (string.Equals(found.GetProperty("status").GetString(), "Delivered", StringComparison.OrdinalIgnoreCase))
                    {
                        return found;
                    }

                    last = found.GetRawText();
                }
            }
            else
            {
                last = $"HTTP {(int)response.StatusCode}";
            }

            await Task.Delay(500, CancellationToken.None);
        }

        throw new Xunit.Sdk.XunitException($"The delivery of {messageId} is not Delivered: {last}");
    }

    /// <summary>Registers <paramref name="receiver"/> for dev-integrator; returns the subscription's id and secret.</summary>
    private async Task<(Guid Id, string Secret)> RegisterAsync(WebhookReceiver receiver, string description)
    {
        var integrator = fixture.As(DevelopmentClients.Integrator);
        var body = new { url = receiver.Url.AbsoluteUri, eventTypes = Registered, description };
        var key = Guid.NewGuid().ToString();
        // A loaded machine can make the first call miss the service's deadline (503); the same Idempotency-Key makes
        // a retry safe.
        HttpResponseMessage registered;
        var attempts = 0;
        do
        {
            using var request = Http.Json(HttpMethod.Post, Webhooks, body);
            request.Headers.Add("Idempotency-Key", key);
            registered = await integrator.SendAsync(request);
        }
        while (registered.StatusCode == HttpStatusCode.ServiceUnavailable && ++attempts < 5);

        using var _ = registered;
        var created = await registered.Content.ReadAsStringAsync();
        Assert.True(registered.StatusCode == HttpStatusCode.Created, $"{(int)registered.StatusCode} {created}");
        var answer = JsonDocument.Parse(created).RootElement;
        return (answer.GetProperty("subscription").GetProperty("id").GetGuid(), answer.GetProperty("secret").GetString()!);
    }
}
