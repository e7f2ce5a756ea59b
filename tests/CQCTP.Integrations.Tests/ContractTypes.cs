using System.Reflection;
using CQCTP.Membership.Contracts;

namespace CQCTP.Integrations.Tests;

/// <summary>
/// The contract types, found again here by a looser rule than the service's (every exported type of a contracts
/// assembly that is not an attribute), so a contract the service's discovery missed fails the tests.
/// </summary>
internal static class ContractTypes
{
    public static IReadOnlyList<Type> All { get; } =
    [
        .. Directory.EnumerateFiles(AppContext.BaseDirectory, "*.Contracts.dll")
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => !typeof(Attribute).IsAssignableFrom(t)),
    ];

    public static IReadOnlyList<Type> Personal { get; } =
        [.. All.Where(t => t.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == nameof(PersonalDataAttribute)))];

    public static IReadOnlyList<Type> Public { get; } = [.. All.Except(Personal)];
}
