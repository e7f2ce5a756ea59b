using System.Net;
using System.Text.Json;
using CQCTP.Security;

namespace CQCTP.IntegrationTests;

/// <summary>
/// The whole path through the AppHost: an organization created at the gateway is published by Membership's outbox,
/// kept in the replay stream, and POSTed by the integrations service to dev-integrator's webhook, signed.
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
        var integrator = fixture.As(DevelopmentClients.Integrator);
        var body = new { url = receiver.Url.AbsoluteUri, eventTypes = Registered, description = "Bout en bout" };
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
        var secret = JsonDocument.Parse(created).RootElement.GetProperty("secret").GetString()!;

        var (organization, _) = await fixture.Gateway.CreateOrganizationAsync(Http.UniqueName("Webhook bout en bout"));
        var id = organization.GetProperty("id").GetString()!;
        var received = await receiver.WaitForAsync(r => r.Body.Contains(id, StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.NotNull(received);
        received.Verify(secret);
        using var envelope = JsonDocument.Parse(received.Body);
        Assert.Equal(received.Id, envelope.RootElement.GetProperty("messageId").GetString());
        Assert.Equal(id, envelope.RootElement.GetProperty("message").GetProperty("organizationId").GetString());
    }
}
