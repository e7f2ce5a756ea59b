namespace CQCTP.Concertation.Tests;

[CollectionDefinition(Name)]
public sealed class ConcertationCollection : ICollectionFixture<ConcertationFixture>
{
    public const string Name = "concertation";
}
