using System.Text.Json.Nodes;
using CQCTP.Integrations.Api.Catalogue;
using CQCTP.Integrations.Events;
using CQCTP.Membership.Contracts;

namespace CQCTP.Integrations.Tests;

/// <summary>The AsyncAPI document as generated from the contract types, without any infrastructure.</summary>
public sealed class CatalogueTests
{
    private static readonly JsonObject Document =
        AsyncApiDocument.Build(IntegrationEvents.Public, EventDescriptions.PublishedWhen, "localhost:5672");

    private static JsonObject Messages => Document["components"]!["messages"]!.AsObject();

    [Fact]
    public void Contracts_AreFound_WithPersonalOnesAmongThem()
    {
        Assert.Contains(typeof(OrganizationRegistered), ContractTypes.Public);
        Assert.Contains(typeof(ConsentGiven), ContractTypes.Personal);
        Assert.Contains(typeof(RenewalDue), ContractTypes.Personal);
    }

    [Fact]
    public void Service_FindsEveryContractType()
    {
        Assert.Equal(Names(ContractTypes.All), Names(IntegrationEvents.All));
    }

    [Fact]
    public void EveryContractType_IsInTheDocument_UnlessPersonal()
    {
        Assert.Equal(Names(ContractTypes.Public), [.. Messages.Select(m => m.Key).Order(StringComparer.Ordinal)]);
        Assert.Equal(Names(ContractTypes.Public), [.. Document["channels"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public void PersonalEvents_AreNowhereInTheDocument()
    {
        var text = Document.ToJsonString();

        foreach (var personal in ContractTypes.Personal)
        {
            Assert.DoesNotContain(personal.Name, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnEventWithOnlyAPersonalProperty_IsPersonal()
    {
        Assert.True(IntegrationEvents.IsPersonal(typeof(EventWithAPersonalField)));
        Assert.False(IntegrationEvents.IsPersonal(typeof(OrganizationRegistered)));
    }

    [Fact]
    public void EveryPublicEvent_SaysWhenItIsPublished_InFrenchAndEnglish_AndNoEntryIsLeftOver()
    {
        var missing = ContractTypes.Public.Where(t => !EventDescriptions.PublishedWhen.ContainsKey(t)).Select(t => t.Name);
        var leftOver = EventDescriptions.PublishedWhen.Keys.Where(t => !ContractTypes.Public.Contains(t)).Select(t => t.Name);

        Assert.Empty(missing);
        Assert.Empty(leftOver);
        Assert.All(EventDescriptions.PublishedWhen.Values, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Fr));
            Assert.False(string.IsNullOrWhiteSpace(d.En));
        });
    }

    [Fact]
    public void KnownEvent_HasItsFieldsInCamelCase_UnderTheEnvelopesMessage()
    {
        var schema = Document["components"]!["schemas"]!["OrganizationRegistered"]!;
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).ToList();
        var payload = Messages["OrganizationRegistered"]!["payload"]!;

        Assert.Equal(["organizationId", "legalName", "commonName", "regionCode", "regionsServed", "status", "registeredAt"], properties);
        Assert.Contains("organizationId", schema["required"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("uuid", (string?)schema["properties"]!["organizationId"]!["format"]);
        Assert.Equal("date-time", (string?)schema["properties"]!["registeredAt"]!["format"]);
        Assert.Equal("#/components/schemas/OrganizationRegistered", (string?)payload["properties"]!["message"]!["$ref"]);
        Assert.Equal(["messageId", "messageType", "message", "sentTime"], payload["required"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public void KnownEvent_NamesTheExchangeMassTransitPublishesTo_AndItsMessageType()
    {
        var channel = Document["channels"]!["OrganizationRegistered"]!;
        var exchange = channel["bindings"]!["amqp"]!["exchange"]!;
        var payload = Messages["OrganizationRegistered"]!["payload"]!;

        Assert.Equal("CQCTP.Membership.Contracts:OrganizationRegistered", (string?)channel["address"]);
        Assert.Equal("CQCTP.Membership.Contracts:OrganizationRegistered", (string?)exchange["name"]);
        Assert.Equal("fanout", (string?)exchange["type"]);
        Assert.Equal("urn:message:CQCTP.Membership.Contracts:OrganizationRegistered",
            (string?)payload["properties"]!["messageType"]!["contains"]!["const"]);
        Assert.Equal("application/vnd.masstransit+json", (string?)Messages["OrganizationRegistered"]!["contentType"]);
    }

    [Fact]
    public void EveryMessage_HasAnExampleEnvelope_AndSaysWhenItIsPublished()
    {
        Assert.All(Messages, message =>
        {
            var example = message.Value!["examples"]![0]!["payload"]!;
            Assert.Equal(BusJson.UrnOf(ContractTypes.Public.Single(t => t.Name == message.Key)), (string?)example["messageType"]![0]);
            Assert.NotEmpty(example["message"]!.AsObject());
            Assert.Contains("**English**", (string?)message.Value["description"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Example_OfAKnownEvent_HasEveryFieldWithAValueOfItsFormat()
    {
        var example = Messages["OrganizationRegistered"]!["examples"]![0]!["payload"]!["message"]!;

        Assert.Equal(ExampleValues.Uuid, (string?)example["organizationId"]);
        Assert.Equal(ExampleValues.Instant, (string?)example["registeredAt"]);
        Assert.Single(example["regionsServed"]!.AsArray());
    }

    [Fact]
    public void TwoEventsWithTheSameName_AreRefused()
    {
        Assert.Throws<InvalidOperationException>(() => AsyncApiDocument.Build(
            [typeof(OrganizationRegistered), typeof(Duplicate.OrganizationRegistered)], EventDescriptions.PublishedWhen, null));
    }

    private static List<string> Names(IEnumerable<Type> types) => [.. types.Select(t => t.Name).Order(StringComparer.Ordinal)];
}
