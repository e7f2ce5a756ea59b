namespace CQCTP.ReliabilityTests;

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultPlatform>
{
    public const string Name = "faults";
}
