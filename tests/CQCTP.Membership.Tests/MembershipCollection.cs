namespace CQCTP.Membership.Tests;

[CollectionDefinition(Name)]
public sealed class MembershipCollection : ICollectionFixture<MembershipFixture>
{
    public const string Name = "membership";
}
