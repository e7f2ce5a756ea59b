using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using CQCTP.ServiceDefaults;
using CQCTP.Testing.Probe;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CQCTP.IntegrationTests;

/// <summary>A platform of its own: started on a fresh data root with demo data, and its broker gets stopped.</summary>
[Collection(SeededPlatformCollection.Name)]
public sealed class ResilienceTests(SeededPlatformFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task FreshStartWithDemoData_LosesNoEvent_ReadModelCountsMatch()
    {
        var organizations = await TotalAsync(Http.Organizations);

        await MessagingTests.WaitUntilAsync(async () => await TotalAsync(Http.MemberOrganizations) >= organizations);

        Assert.True(organizations >= 3, $"expected the demo organizations, found {organizations}");
        Assert.Equal(organizations, await TotalAsync(Http.MemberOrganizations));
    }

    [Fact]
    public async Task BrokerStopped_CommittedChange_PublishedOnceWhenBrokerIsBack()
    {
        await using var probe = await ProbeService.StartAsync(fixture.Platform, "probe-outage",
            options => options.SweepInterval = TimeSpan.FromSeconds(1));
        var before = await probe.ProduceAsync("before");
        await MessagingTests.WaitUntilAsync(async () => await probe.CountEffectsAsync(before) == 1);

        await fixture.Platform.ExecuteCommandAsync(ResourceNames.Messaging, KnownResourceCommands.StopCommand);
        var during = await probe.ProduceAsync("during-outage");
        var (organization, _) = await fixture.Gateway.CreateOrganizationAsync(Http.UniqueName("Pendant la panne"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var pendingDuringOutage = await probe.QueryAsync(db => db.Set<Messaging.Outbox.OutboxMessage>()
            .CountAsync(m => m.DispatchedAt == null));
        await fixture.Platform.ExecuteCommandAsync(ResourceNames.Messaging, KnownResourceCommands.StartCommand);
        var outage = System.Diagnostics.Stopwatch.StartNew();

        await MessagingTests.WaitUntilAsync(async () => await probe.CountEffectsAsync(during) > 0, TimeSpan.FromMinutes(3));
        output.WriteLine($"published {outage.Elapsed.TotalSeconds:F1} s after the broker was restarted");
        var id = organization.GetProperty("id").GetString();
        await MessagingTests.WaitUntilAsync(async () =>
        {
            var page = await fixture.Gateway.GetFromJsonAsync<JsonElement>(Http.MemberOrganizations + "?pageSize=100");
            return page.GetProperty("items").EnumerateArray().Any(o => o.GetProperty("organizationId").GetString() == id);
        }, TimeSpan.FromMinutes(3));
        var marker = await probe.ProduceAsync("marker");
        await MessagingTests.WaitUntilAsync(async () => await probe.CountEffectsAsync(marker) == 1);

        Assert.Equal(1, pendingDuringOutage);
        Assert.Equal(1, await probe.CountEffectsAsync(during));
        var row = Assert.Single(await MessagingTests.OutboxRowsAsync(probe),
            m => m.Body.Contains(during.ToString(), StringComparison.Ordinal));
        Assert.NotNull(row.DispatchedAt);
        output.WriteLine($"publish attempts for the outage row: {row.Attempts}, last error: {row.LastError}");
    }

    private async Task<int> TotalAsync(string uri) =>
        (await fixture.Gateway.GetFromJsonAsync<JsonElement>(uri)).GetProperty("total").GetInt32();
}
