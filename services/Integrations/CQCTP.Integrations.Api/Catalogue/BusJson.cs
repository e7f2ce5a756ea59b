using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MassTransit.Serialization;

namespace CQCTP.Integrations.Api.Catalogue;

/// <summary>The JSON options MassTransit writes the <c>message</c> of every envelope with (camelCase, its converters).</summary>
public static class BusJson
{
    /// <summary>
    /// A copy of the bus serializer's options with the default resolver the schema exporter needs; a copy, so the
    /// bus's own instance is never frozen or changed by the catalogue.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(SystemTextJsonMessageSerializer.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>MassTransit's envelope media type (<c>application/vnd.masstransit+json</c>).</summary>
    public static string ContentType => SystemTextJsonMessageSerializer.JsonContentType.MediaType;

    /// <summary>The <c>messageType</c> URN MassTransit puts in the envelope: <c>urn:message:Namespace:Type</c>.</summary>
    public static string UrnOf(Type eventType) => MassTransit.MessageUrn.ForTypeString(eventType);
}
