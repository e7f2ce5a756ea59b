namespace CQCTP.ReliabilityTests;

[CollectionDefinition(Name)]
public sealed class AbuseCollection : ICollectionFixture<AbusePlatform>
{
    public const string Name = "abuse";
}
