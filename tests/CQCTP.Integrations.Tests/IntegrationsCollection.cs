namespace CQCTP.Integrations.Tests;

[CollectionDefinition(Name)]
public sealed class IntegrationsCollection : ICollectionFixture<IntegrationsFixture>
{
    public const string Name = "integrations";
}
