using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MassTransit;
using MassTransit.Serialization;

namespace CQCTP.Messaging.Outbox;

/// <summary>
/// MassTransit's JSON envelope around an outbox row's stored JSON, for the relay: the envelope is MassTransit's own,
/// built from the send context as for any publish (message id, correlation id, message types, headers, host), and its
/// <c>message</c> is the row's body, which <see cref="OutboxSerializer"/> wrote with MassTransit's options. So the
/// event is never materialized only to be serialized again.
/// </summary>
internal sealed class StoredMessageSerializer(JsonElement message, JsonTypeInfo contract) : IMessageSerializer
{
    public ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

    public MessageBody GetMessageBody<T>(SendContext<T> context) where T : class =>
        new SystemTextJsonMessageBody<T>(context, SystemTextJsonMessageSerializer.Options,
            new JsonMessageEnvelope(context, new StoredMessage(message, contract)));
}

/// <summary>A row's body and the contract it was written from.</summary>
[JsonConverter(typeof(StoredMessageConverter))]
internal sealed record StoredMessage(JsonElement Json, JsonTypeInfo Contract);

/// <summary>
/// Writes a row's body in the contract's property order, as MassTransit would write the event: jsonb keeps an object's
/// keys in an order of its own (shortest first). Values are written as stored.
/// </summary>
internal sealed class StoredMessageConverter : JsonConverter<StoredMessage>
{
    public override StoredMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A stored message is only written.");

    public override void Write(Utf8JsonWriter writer, StoredMessage value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        Write(writer, value.Json, value.Contract);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement json, JsonTypeInfo contract)
    {
        switch (contract.Kind)
        {
            case JsonTypeInfoKind.Object when json.ValueKind == JsonValueKind.Object:
                writer.WriteStartObject();
                var written = 0;
                foreach (var property in contract.Properties)
                {
                    if (json.TryGetProperty(property.Name, out var value))
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, value, contract.Options.GetTypeInfo(property.PropertyType));
                        written++;
                    }
                }

                // Keys this version of the contract does not know (a row written by another version): kept, after it.
                if (written < json.GetPropertyCount())
                {
                    foreach (var property in json.EnumerateObject())
                    {
                        if (!contract.Properties.Any(known => known.Name == property.Name))
                        {
                            property.WriteTo(writer);
                        }
                    }
                }

                writer.WriteEndObject();
                break;

            case JsonTypeInfoKind.Enumerable when json.ValueKind == JsonValueKind.Array && contract.ElementType is { } itemType:
                writer.WriteStartArray();
                var item = contract.Options.GetTypeInfo(itemType);
                foreach (var element in json.EnumerateArray())
                {
                    Write(writer, element, item);
                }

                writer.WriteEndArray();
                break;

            default:
                json.WriteTo(writer);
                break;
        }
    }
}
