using System.Text;
using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Api.Webhooks;
using CQCTP.Membership.Contracts;
using CQCTP.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CQCTP.Integrations.Tests.WebhookRequests;

namespace CQCTP.Integrations.Tests;

/// <summary>
/// The stream reader's batches, written under a checkpoint of their own (not the live reader's): a replayed batch is a
/// no-op, and a batch that fails commits neither its rows nor its offset.
/// </summary>
[Collection(IntegrationsCollection.Name)]
public sealed class WebhookDeliveryWriterTests(IntegrationsFixture fixture)
{
    private static readonly string Registered = EventSubscriptions.ExchangeName(typeof(OrganizationRegistered));

    [Fact]
    public async Task ReplayedBatch_CreatesNoDuplicateRows_AndPersonalEventsNone()
    {
        using var client = fixture.CreateClient(NewIntegrator());
        var (wanting, _) = await RegisterAsync(client, new Uri("http://127.0.0.1:9/a"), "OrganizationRegistered");
        var (other, _) = await RegisterAsync(client, new Uri("http://127.0.0.1:9/b"), "OrganizationProfileUpdated");
        var stream = $"test_{Guid.NewGuid():N}";
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var personal = Guid.NewGuid();
        // The first event republished in the same batch, and a personal event between them.
        StreamEvent[] batch =
        [
            Event(1, Registered, ids[0]), Event(2, Registered, ids[1]),
            Event(3, EventSubscriptions.ExchangeName(typeof(ConsentGiven)), personal),
            Event(4, Registered, ids[0]), Event(5, Registered, ids[2]),
        ];

        var first = await WriteAsync(stream, batch);
        var replayed = await WriteAsync(stream, batch);

        // Other tests' subscriptions to the same event get rows too: only the replay's count is known.
        Assert.True(first >= 3, $"{first} rows");
        Assert.Equal(0, replayed);
        var rows = await RowsAsync([wanting, other], [.. ids, personal]);
        Assert.Equal(ids, rows.Select(r => r.MessageId));
        Assert.All(rows, r => Assert.Equal(wanting, r.SubscriptionId));
        Assert.Equal(5, await OffsetAsync(stream));
    }

    [Fact]
    public async Task FailingBatch_CommitsNeitherRowsNorOffset_SoTheReaderResumesAfterThePreviousOne()
    {
        using var client = fixture.CreateClient(NewIntegrator());
        var (subscription, _) = await RegisterAsync(client, new Uri("http://127.0.0.1:9/c"), "OrganizationRegistered");
        var stream = $"test_{Guid.NewGuid():N}";
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        await WriteAsync(stream, [Event(10, Registered, ids[0])]);

        // PostgreSQL refuses this stream's checkpoint past 10: the batch fails after its rows were inserted.
        var trigger = $"refuse_{stream}";
        await SqlAsync($"""
            CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER {trigger} BEFORE INSERT OR UPDATE ON stream_checkpoints FOR EACH ROW
            WHEN (NEW.stream = '{stream}' AND NEW."offset" > 10) EXECUTE FUNCTION {trigger}();
            """);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() =>
                WriteAsync(stream, [Event(11, Registered, ids[1]), Event(12, Registered, ids[2])]));
        }
        finally
        {
            await SqlAsync($"DROP TRIGGER {trigger} ON stream_checkpoints; DROP FUNCTION {trigger}();");
        }

        Assert.Equal([ids[0]], (await RowsAsync([subscription], ids)).Select(r => r.MessageId));
        Assert.Equal(10, await OffsetAsync(stream));

        // The restart reads from 11 again: both events arrive, once.
        await WriteAsync(stream, [Event(11, Registered, ids[1]), Event(12, Registered, ids[2])]);
        Assert.Equal(ids, (await RowsAsync([subscription], ids)).Select(r => r.MessageId));
        Assert.Equal(12, await OffsetAsync(stream));
    }

    private static StreamEvent Event(long offset, string exchange, Guid messageId) =>
        new(offset, exchange, Encoding.UTF8.GetBytes(
            $$$"""{"messageId":"{{{messageId}}}","message":{"legalName":"Lot {{{offset}}}"}}"""));

    private async Task<int> WriteAsync(string stream, IReadOnlyList<StreamEvent> batch)
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDeliveryWriter>()
            .WriteAsync(stream, batch, CancellationToken.None);
    }

    private async Task<long> OffsetAsync(string stream)
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDeliveryWriter>()
            .LastOffsetAsync(stream, CancellationToken.None);
    }

    /// <summary>The rows of <paramref name="messageIds"/> for <paramref name="subscriptions"/>, in stream order.</summary>
    private async Task<List<Api.Domain.WebhookDelivery>> RowsAsync(Guid[] subscriptions, Guid[] messageIds)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => subscriptions.Contains(d.SubscriptionId) && messageIds.Contains(d.MessageId))
            .OrderBy(d => d.CreatedAt).ToListAsync();
    }

    private async Task SqlAsync(string sql)
    {
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
