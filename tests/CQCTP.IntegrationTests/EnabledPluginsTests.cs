using CQCTP.AppHost.LocalInfra;

namespace CQCTP.IntegrationTests;

/// <summary>The broker's plugin list, rewritten at every start (no broker needed).</summary>
public sealed class EnabledPluginsTests
{
    [Fact]
    public void AnOldEmptyList_GetsTheManagementPlugin()
    {
        Assert.Equal("[rabbitmq_management].", EnabledPlugins.Merge("[].", EnabledPlugins.Required));
    }

    [Fact]
    public void NoFileYet_GetsTheRequiredPlugins()
    {
        Assert.Equal("[rabbitmq_management].", EnabledPlugins.Merge(null, EnabledPlugins.Required));
    }

    [Fact]
    public void PluginsEnabledByHand_AreKept_WithoutDuplicates()
    {
        var merged = EnabledPlugins.Merge("[rabbitmq_stream,\n rabbitmq_management].\n", EnabledPlugins.Required);

        Assert.Equal("[rabbitmq_management,rabbitmq_stream].", merged);
    }
}
