using System.Text.Json;
using MassTransit.Serialization;

namespace CQCTP.Messaging.Outbox;

internal static class OutboxSerializer
{
    /// <summary>
    /// MassTransit's own JSON options (a copy, not indented): a row's body is the <c>message</c> MassTransit would write
    /// for the event (decimals as strings, its converters), so the relay publishes it as stored.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(SystemTextJsonMessageSerializer.Options) { WriteIndented = false };

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string typeName) =>
        Type.GetType(typeName, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type '{typeName}' is not loaded in this service.");
}
