using System.Reflection;

namespace CQCTP.Integrations.Events;

/// <summary>
/// The integration events, found by reflection: every public record of every <c>*.Contracts</c> assembly deployed
/// beside the caller (this project references them all), so an event added to a contracts project needs no
/// registration anywhere.
/// </summary>
public static class IntegrationEvents
{
    private const string ContractsSuffix = ".Contracts";
    private const string PersonalDataAttributeName = "PersonalDataAttribute";

    private static readonly Lazy<IReadOnlyList<Type>> Discovered = new(() => Find(ContractAssemblies()));

    /// <summary>Every event type of every contracts assembly, personal ones included, by full name.</summary>
    public static IReadOnlyList<Type> All => Discovered.Value;

    /// <summary>The events integrators may know of: all but the personal ones.</summary>
    public static IReadOnlyList<Type> Public => [.. All.Where(t => !IsPersonal(t))];

    /// <summary>
    /// The RabbitMQ stream bound to every public event's exchange: integrators replay from it with
    /// <c>x-stream-offset</c>, and the webhooks read it (docs/integrations.md).
    /// </summary>
    public const string ReplayStream = "integrations.events";

    /// <summary>The contracts assemblies deployed with the caller (this project references every one).</summary>
    public static IReadOnlyList<Assembly> ContractAssemblies() =>
    [
        .. Directory.EnumerateFiles(AppContext.BaseDirectory, $"*{ContractsSuffix}.dll")
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal),
    ];

    /// <summary>The public, concrete records of <paramref name="assemblies"/> (attributes and other helpers are not events).</summary>
    public static IReadOnlyList<Type> Find(IEnumerable<Assembly> assemblies) =>
    [
        .. assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(IsEvent)
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    /// <summary>
    /// Marked <c>[PersonalData]</c>, on the type or any property: integrators never receive it. Matched by name, since
    /// each contracts project may declare its own attribute (contracts reference nothing but the BCL).
    /// </summary>
    public static bool IsPersonal(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return HasPersonalData(eventType)
            || eventType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(HasPersonalData);
    }

    /// <summary>The service that publishes it: <c>CQCTP.Membership.Contracts</c> → <c>membership</c>.</summary>
    public static string Publisher(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        var name = eventType.Assembly.GetName().Name ?? "";
        var service = name.EndsWith(ContractsSuffix, StringComparison.Ordinal) ? name[..^ContractsSuffix.Length] : name;
        return service[(service.LastIndexOf('.') + 1)..].ToLowerInvariant();
    }

    // A record is a class the compiler gave a clone method; only records are events (contracts are plain records).
    private static bool IsEvent(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
        && type.Namespace is not null
        && type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    private static bool HasPersonalData(MemberInfo member) =>
        member.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == PersonalDataAttributeName);
}
