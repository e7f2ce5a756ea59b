namespace CQCTP.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class SeededPlatformCollection : ICollectionFixture<SeededPlatformFixture>
{
    public const string Name = "seeded-platform";
}
