using CQCTP.Identity.Api.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class StoredClientsCheckTests(IdentityFixture fixture)
{
    [Fact]
    public async Task FindFaulty_AClientWrittenAroundTheApi_NamesItAndEachRuleItBreaks()
    {
        var clientId = await Clients.StoreMisregisteredPortalAsync(fixture, "a-secret-written-around-the-api");
        var check = fixture.Factory.Services.GetRequiredService<StoredClientsCheck>();

        var faulty = await check.FindFaultyAsync(CancellationToken.None);

        var (_, faults) = Assert.Single(faulty, c => c.ClientId == clientId);
        Assert.Contains("scopes[0]: required", faults);
        Assert.Contains("scope-not-allowed: identity.admin, membership.read", faults);
        Assert.DoesNotContain(faulty, c => c.ClientId.StartsWith("dev-", StringComparison.Ordinal));
    }
}
