namespace CQCTP.Knowledge.Tests;

[CollectionDefinition(Name)]
public sealed class KnowledgeCollection : ICollectionFixture<KnowledgeFixture>
{
    public const string Name = "knowledge";
}
