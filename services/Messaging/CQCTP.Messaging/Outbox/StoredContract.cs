using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using MassTransit;

namespace CQCTP.Messaging.Outbox;

/// <summary>What the relay needs to publish the rows of one message type, resolved once per type.</summary>
internal sealed class StoredContract
{
    private static readonly ConcurrentDictionary<string, StoredContract> Resolved = new(StringComparer.Ordinal);

    private static readonly MethodInfo PublishEndpointMethod =
        typeof(StoredContract).GetMethod(nameof(PublishEndpointOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<IPublishEndpointProvider, Task<ISendEndpoint>> publishEndpoint;

    private StoredContract(Type type)
    {
        TypeInfo = OutboxSerializer.Options.GetTypeInfo(type);
        MessageTypeNames = MessageTypeCache.GetMessageTypeNames(type);
        publishEndpoint = PublishEndpointMethod.MakeGenericMethod(type)
            .CreateDelegate<Func<IPublishEndpointProvider, Task<ISendEndpoint>>>();
    }

    /// <summary>How the row's body was written (and is written again, in the contract's order).</summary>
    public JsonTypeInfo TypeInfo { get; }

    /// <summary>The envelope's <c>messageType</c>: the contract's URN and its interfaces', as a typed publish sets them.</summary>
    public string[] MessageTypeNames { get; }

    /// <summary>Throws, and caches nothing, when the type is not loaded: the row fails and is retried after a back-off.</summary>
    public static StoredContract Resolve(string typeName) =>
        Resolved.GetOrAdd(typeName, static name => new StoredContract(OutboxSerializer.Resolve(name)));

    /// <summary>The exchange a typed publish of the contract goes to, declared by MassTransit's publish topology.</summary>
    public Task<ISendEndpoint> PublishEndpointAsync(IPublishEndpointProvider bus) => publishEndpoint(bus);

    private static Task<ISendEndpoint> PublishEndpointOf<T>(IPublishEndpointProvider bus) where T : class =>
        bus.GetPublishSendEndpoint<T>();
}
