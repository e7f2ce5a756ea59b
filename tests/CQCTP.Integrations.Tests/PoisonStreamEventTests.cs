using System.Text;
using CQCTP.Integrations.Api.Data;
using CQCTP.Membership.Contracts;
using CQCTP.ServiceDefaults;
using CQCTP.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using static CQCTP.Integrations.Tests.WebhookRequests;

namespace CQCTP.Integrations.Tests;

/// <summary>
/// A stream message the service can never store does not block the live reader: it is set aside in
/// <c>unprocessable_stream_events</c> (no body), and the next good event is still delivered.
/// </summary>
[Collection(IntegrationsCollection.Name)]
public sealed class PoisonStreamEventTests(IntegrationsFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task UnparseableEnvelope_IsSetAside_AndTheNextEventIsDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = fixture.CreateClient(NewIntegrator());
        await RegisterAsync(client, receiver.Url, "OrganizationRegistered");
        var poison = Guid.NewGuid();
        var next = Guid.NewGuid();

        await PublishRawAsync(poison, "{ \"messageId\": pas du JSON");
        await fixture.PublishRegisteredAsync([next], "Après le poison");

        Assert.Single(await receiver.WaitForAsync(next, 1, Wait));
        var recorded = await SetAsideAsync(poison);
        Assert.Equal("OrganizationRegistered", recorded.EventType);
        Assert.Equal("unparseable-envelope", recorded.Error);
        Assert.DoesNotContain(receiver.Received, r => r.Id == poison.ToString());
    }

    [Fact]
    public async Task EventPostgreSqlRefuses_IsSetAside_AndTheNextEventIsDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = fixture.CreateClient(NewIntegrator());
        await RegisterAsync(client, receiver.Url, "OrganizationRegistered");
        var poison = Guid.NewGuid();
        var next = Guid.NewGuid();
        // The payload column is text, which stores any envelope the bus can write; the refusal PostgreSQL gives a
        // body it cannot hold (22P05, as for a \u0000 in jsonb) is raised by a trigger for this one event.
        var trigger = $"refuse_{poison:N}";
        await SqlAsync($"""
            CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'unsupported Unicode escape sequence' USING ERRCODE = '22P05'; END $$;
            CREATE TRIGGER {trigger} BEFORE INSERT ON webhook_deliveries FOR EACH ROW
            WHEN (NEW.message_id = '{poison}') EXECUTE FUNCTION {trigger}();
            """);
        try
        {
            await fixture.PublishRegisteredAsync([poison, next], "Refusé");

            Assert.Single(await receiver.WaitForAsync(next, 1, Wait));
            var recorded = await SetAsideAsync(poison);
            Assert.Equal("OrganizationRegistered", recorded.EventType);
            Assert.Equal("refused-by-postgresql 22P05", recorded.Error);
            Assert.DoesNotContain(receiver.Received, r => r.Id == poison.ToString());
        }
        finally
        {
            await SqlAsync($"DROP TRIGGER {trigger} ON webhook_deliveries; DROP FUNCTION {trigger}();");
        }
    }

    /// <summary>Bytes on the event's exchange, as a broken publisher would send them; the AMQP message-id names them.</summary>
    private async Task PublishRawAsync(Guid messageId, string body)
    {
        await using var connection = await new ConnectionFactory { Uri = fixture.Broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicPublishAsync(EventSubscriptions.ExchangeName(typeof(OrganizationRegistered)), "",
            mandatory: false, new BasicProperties { MessageId = messageId.ToString(), ContentType = "application/json" },
            Encoding.UTF8.GetBytes(body));
    }

    /// <summary>The live reader's record of <paramref name="messageId"/>, once it is there.</summary>
    private async Task<UnprocessableStreamEvent> SetAsideAsync(Guid messageId)
    {
        using var deadline = new CancellationTokenSource(Wait);
        while (true)
        {
            await using (var scope = fixture.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
                if (await db.UnprocessableStreamEvents.AsNoTracking().SingleOrDefaultAsync(e => e.MessageId == messageId)
                    is { } recorded)
                {
                    return recorded;
                }
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    private async Task SqlAsync(string sql)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
