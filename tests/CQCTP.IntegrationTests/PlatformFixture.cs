namespace CQCTP.IntegrationTests;

/// <summary>One platform shared by every test of the collection (starting it costs ~15 s).</summary>
public class PlatformFixture : IAsyncLifetime
{
    private PlatformInstance? instance;

    public PlatformInstance Platform => instance ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Gateway { get; private set; } = null!;

    protected virtual bool SeedDemoData => false;

    public async Task InitializeAsync()
    {
        instance = await PlatformInstance.StartAsync(seedDemoData: SeedDemoData);
        Gateway = instance.CreateGatewayClient();
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>A platform of its own, started with demo data, for tests that stop the broker or count seeded events.</summary>
public sealed class SeededPlatformFixture : PlatformFixture
{
    protected override bool SeedDemoData => true;
}

[CollectionDefinition(Name)]
public sealed class SeededPlatformCollection : ICollectionFixture<SeededPlatformFixture>
{
    public const string Name = "seeded-platform";
}
