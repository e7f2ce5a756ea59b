using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using CQCTP.Integrations.Events;
using CQCTP.Primitives;
using CQCTP.ServiceDefaults;

namespace CQCTP.Integrations.Api.Catalogue;

/// <summary>
/// Builds the AsyncAPI 3.0 document of the integration events from their contract types: per event, a channel (the
/// fanout exchange MassTransit publishes it to), a send operation (when it is published), and a message whose payload
/// is MassTransit's envelope with the contract's JSON Schema, exported with the bus's own JSON options, in
/// <c>message</c>. Personal events are the caller's to leave out (<see cref="IntegrationEvents.Public"/>).
/// </summary>
public static class AsyncApiDocument
{
    public const string Version = "3.0.0";

    private const string AmqpBindingVersion = "0.3.0";

    private static readonly JsonSchemaExporterOptions ExporterOptions = new()
    {
        // Contracts are nullable-annotated: an unannotated reference is not a null.
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = (context, schema) =>
        {
            // MassTransit writes decimals through a converter of its own, which the exporter cannot see into.
            var type = context.TypeInfo.Type;
            return type == typeof(decimal) || type == typeof(decimal?)
                ? new JsonObject { ["type"] = type == typeof(decimal) ? "number" : new JsonArray("number", "null") }
                : schema;
        },
    };

    /// <param name="events">The events to describe, in the order to list them.</param>
    /// <param name="publishedWhen">When each is published; an event without an entry gets no description.</param>
    /// <param name="brokerHost">The broker integrators connect to (<c>host:port</c>), or null to name none.</param>
    public static JsonObject Build(IEnumerable<Type> events, IReadOnlyDictionary<Type, BilingualText> publishedWhen,
        string? brokerHost)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(publishedWhen);
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in events)
        {
            var name = type.Name;
            if (schemas.ContainsKey(name))
            {
                throw new InvalidOperationException($"Two events are named '{name}': the catalogue needs distinct names.");
            }

            var schema = Schema(type);
            schemas[name] = schema;
            messages[name] = Message(type, schema, publishedWhen.GetValueOrDefault(type));
            channels[name] = Channel(type);
            operations[$"publish{name}"] = Operation(type, publishedWhen.GetValueOrDefault(type));
        }

        var document = new JsonObject
        {
            ["asyncapi"] = Version,
            ["id"] = "urn:cqctp:integration-events",
            ["info"] = Info(),
            ["defaultContentType"] = BusJson.ContentType,
        };
        if (brokerHost is not null)
        {
            document["servers"] = new JsonObject
            {
                ["broker"] = new JsonObject
                {
                    ["host"] = brokerHost,
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0.9.1",
                    ["description"] = "Le courtier RabbitMQ de la plateforme. / The platform's RabbitMQ broker.",
                },
            };
        }

        document["channels"] = channels;
        document["operations"] = operations;
        document["components"] = new JsonObject { ["messages"] = messages, ["schemas"] = schemas };
        return document;
    }

    /// <summary>The contract's JSON Schema as it travels under <c>message</c>.</summary>
    public static JsonObject Schema(Type eventType) =>
        (JsonObject)JsonSchemaExporter.GetJsonSchemaAsNode(BusJson.Options, eventType, ExporterOptions);

    private static JsonObject Info() => new()
    {
        ["title"] = "CQCTP — Événements d'intégration / Integration events",
        ["version"] = "1.0.0",
        ["description"] = """
            **Français** — Les événements que publie la plateforme de la Coalition québécoise contre la traite des
            personnes. Chacun part sur son propre échange RabbitMQ (type `fanout`, durable, nommé `Espace:Type`) :
            liez-y votre propre file. Le corps est l'enveloppe JSON de MassTransit ; l'événement est sous `message`,
            en camelCase. `messageId` est stable d'une republication à l'autre : dédoublonnez sur lui. Les événements
            qui portent des renseignements personnels ne sont jamais offerts aux intégrateurs et ne figurent pas ici.
            Document généré à partir des contrats ; la page lisible est docs/events.md.

            **English** — The events the Quebec coalition against human trafficking's platform publishes. Each goes
            to its own RabbitMQ exchange (`fanout`, durable, named `Namespace:Type`): bind your own queue to it. The
            body is MassTransit's JSON envelope; the event is under `message`, in camelCase. `messageId` is stable
            across republishing: de-duplicate on it. Events carrying personal information are never offered to
            integrators and are not listed here. Generated from the contracts; the readable page is docs/events.md.
            """,
    };

    private static JsonObject Channel(Type type)
    {
        var exchange = EventSubscriptions.ExchangeName(type);
        return new JsonObject
        {
            ["address"] = exchange,
            ["title"] = type.Name,
            ["description"] = $"Échange / exchange `{exchange}` (fanout).",
            ["messages"] = new JsonObject { [type.Name] = Ref($"#/components/messages/{type.Name}") },
            ["bindings"] = new JsonObject
            {
                ["amqp"] = new JsonObject
                {
                    ["is"] = "routingKey",
                    ["exchange"] = new JsonObject
                    {
                        ["name"] = exchange,
                        ["type"] = "fanout",
                        ["durable"] = true,
                        ["autoDelete"] = false,
                        ["vhost"] = "/",
                    },
                    ["bindingVersion"] = AmqpBindingVersion,
                },
            },
        };
    }

    private static JsonObject Operation(Type type, BilingualText? publishedWhen)
    {
        var operation = new JsonObject
        {
            ["action"] = "send",
            ["channel"] = Ref($"#/channels/{type.Name}"),
            ["title"] = $"{type.Name} — {IntegrationEvents.Publisher(type)}",
            ["messages"] = new JsonArray(Ref($"#/channels/{type.Name}/messages/{type.Name}")),
        };
        if (publishedWhen is not null)
        {
            operation["description"] = Bilingual(publishedWhen);
        }

        return operation;
    }

    private static JsonObject Message(Type type, JsonObject schema, BilingualText? publishedWhen)
    {
        var urn = BusJson.UrnOf(type);
        var message = new JsonObject
        {
            ["name"] = type.Name,
            ["title"] = type.Name,
            ["summary"] = $"Publié par / published by {IntegrationEvents.Publisher(type)}",
            ["contentType"] = BusJson.ContentType,
            ["payload"] = Envelope(type, urn),
            ["bindings"] = new JsonObject
            {
                ["amqp"] = new JsonObject { ["messageType"] = urn, ["bindingVersion"] = AmqpBindingVersion },
            },
            ["examples"] = new JsonArray(new JsonObject
            {
                ["name"] = $"{type.Name}Example",
                ["summary"] = "Exemple généré à partir du schéma / Example generated from the schema",
                ["payload"] = EnvelopeExample(type, urn, ExampleValues.From(schema)),
            }),
        };
        if (publishedWhen is not null)
        {
            message["description"] = Bilingual(publishedWhen);
        }

        return message;
    }

    // MassTransit's JSON envelope (application/vnd.masstransit+json) around the event: what an integrator's queue gets.
    private static JsonObject Envelope(Type type, string urn) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("messageId", "messageType", "message", "sentTime"),
        ["properties"] = new JsonObject
        {
            ["messageId"] = Described(Uuid(), "Identifiant stable de l'événement (clé de dédoublonnage) / the event's stable id (de-duplication key)"),
            ["correlationId"] = Uuid(),
            ["conversationId"] = Uuid(),
            ["initiatorId"] = Uuid(),
            ["sourceAddress"] = new JsonObject { ["type"] = "string" },
            ["destinationAddress"] = new JsonObject { ["type"] = "string" },
            ["messageType"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string" },
                ["contains"] = new JsonObject { ["const"] = urn },
            },
            ["message"] = Ref($"#/components/schemas/{type.Name}"),
            ["sentTime"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["headers"] = new JsonObject { ["type"] = "object" },
            ["host"] = new JsonObject { ["type"] = "object" },
        },
    };

    private static JsonObject EnvelopeExample(Type type, string urn, JsonNode? message) => new()
    {
        ["messageId"] = "019acc6e-4f3a-7c3e-9b1e-2f0c6a9d1b47",
        ["conversationId"] = "6b0e0000-5d2a-0015-a5f3-08de2ec1e3a8",
        ["sourceAddress"] = $"rabbitmq://localhost/{IntegrationEvents.Publisher(type)}_api_bus_example?temporary=true",
        ["destinationAddress"] = $"rabbitmq://localhost/{EventSubscriptions.ExchangeName(type)}",
        ["messageType"] = new JsonArray(urn),
        ["message"] = message,
        ["sentTime"] = "2026-11-28T23:04:51.131Z",
        ["headers"] = new JsonObject(),
    };

    private static string Bilingual(BilingualText text) =>
        string.IsNullOrWhiteSpace(text.En) ? text.Fr : $"**Français** — {text.Fr}\n\n**English** — {text.En}";

    private static JsonObject Uuid() => new() { ["type"] = "string", ["format"] = "uuid" };

    private static JsonObject Described(JsonObject schema, string description)
    {
        schema["description"] = description;
        return schema;
    }

    private static JsonObject Ref(string pointer) => new() { ["$ref"] = pointer };
}
