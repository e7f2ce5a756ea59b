namespace CQCTP.IntegrationTests;

/// <summary>A platform of its own, started with demo data, for tests that stop the broker or count seeded events.</summary>
public sealed class SeededPlatformFixture : PlatformFixture
{
    protected override bool SeedDemoData => true;
}
