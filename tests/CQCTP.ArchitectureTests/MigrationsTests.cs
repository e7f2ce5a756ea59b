using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CQCTP.ArchitectureTests;

/// <summary>
/// Services do not compare their model with their migrations at start-up (it cost a second of CPU each, see
/// PlatformService): this is where a model change without its migration is caught, as
/// <c>dotnet ef migrations has-pending-model-changes</c> would.
/// </summary>
public sealed class MigrationsTests
{
    [Theory]
    [MemberData(nameof(ServiceAssemblies.All), MemberType = typeof(ServiceAssemblies))]
    public void EveryDbContext_HasAMigrationForEachModelChange(string assemblyName)
    {
        var factories = Assembly.Load(assemblyName).GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>))
                .Select(i => (Type: t, Interface: i)))
            .ToList();

        Assert.NotEmpty(factories);
        foreach (var (type, contract) in factories)
        {
            var factory = Activator.CreateInstance(type, nonPublic: true)!;
            using var context = (DbContext)contract.GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!
                .Invoke(factory, [Array.Empty<string>()])!;
            Assert.False(context.Database.HasPendingModelChanges(),
                $"{context.GetType().Name} has model changes without a migration: add one with dotnet ef migrations add.");
        }
    }
}
