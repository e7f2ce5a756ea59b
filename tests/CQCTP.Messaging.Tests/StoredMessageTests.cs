using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CQCTP.Messaging.Outbox;
using MassTransit.Serialization;

namespace CQCTP.Messaging.Tests;

public sealed class StoredMessageTests
{
    private static readonly GrantReported Event = new()
    {
        GrantId = Guid.CreateVersion7(),
        Title = "Rapport « été » <b>&</b> \"final\" \\ 語",
        Amount = 1500.50m,
        DueOn = new DateOnly(2026, 12, 1),
        Note = null,
        Recipient = new Recipient { OrganizationId = Guid.CreateVersion7(), RegionCode = "05" },
        Instalments = [new Instalment { Number = 1, Amount = 750.25m }, new Instalment { Number = 2, Amount = 750.25m }],
        Tags = ["rapport", "final"],
    };

    [Fact]
    public void StoredBody_InJsonbKeyOrder_IsWrittenAsMassTransitWritesTheEvent()
    {
        var stored = InJsonbKeyOrder(JsonSerializer.Serialize(Event, OutboxSerializer.Options));
        using var body = JsonDocument.Parse(stored);

        var written = JsonSerializer.Serialize(
            new StoredMessage(body.RootElement, OutboxSerializer.Options.GetTypeInfo(typeof(GrantReported))),
            SystemTextJsonMessageSerializer.Options);

        var direct = JsonSerializer.Serialize(Event, SystemTextJsonMessageSerializer.Options);
        Assert.NotEqual(JsonSerializer.Serialize(JsonNode.Parse(direct)), stored);
        Assert.Equal(direct, written);
    }

    [Fact]
    public void StoredBody_WithAKeyTheContractDoesNotKnow_KeepsItAfterTheKnownOnes()
    {
        using var body = JsonDocument.Parse("""{"note":null,"addedLater":7,"title":"t"}""");

        var written = JsonSerializer.Serialize(
            new StoredMessage(body.RootElement, OutboxSerializer.Options.GetTypeInfo(typeof(GrantReported))));

        Assert.Equal("""{"title":"t","note":null,"addedLater":7}""", written);
    }

    /// <summary>What PostgreSQL gives back from a jsonb column: an object's keys shortest first, then bytewise.</summary>
    private static string InJsonbKeyOrder(string json) => Reorder(JsonNode.Parse(json))!.ToJsonString();

    private static JsonNode? Reorder(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => Encoding.UTF8.GetByteCount(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Reorder(p.Value?.DeepClone())))),
        JsonArray array => new JsonArray(array.Select(item => Reorder(item?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };

    public sealed record GrantReported
    {
        public required Guid GrantId { get; init; }
        public required string Title { get; init; }
        public required decimal Amount { get; init; }
        public required DateOnly DueOn { get; init; }
        public string? Note { get; init; }
        public required Recipient Recipient { get; init; }
        public required IReadOnlyList<Instalment> Instalments { get; init; }
        public required IReadOnlyList<string> Tags { get; init; }
    }

    public sealed record Recipient
    {
        public required Guid OrganizationId { get; init; }
        public required string RegionCode { get; init; }
    }

    public sealed record Instalment
    {
        public required int Number { get; init; }
        public required decimal Amount { get; init; }
    }
}
