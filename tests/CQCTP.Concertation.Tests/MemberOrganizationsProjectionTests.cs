using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Concertation.Api.Data;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Inbox;
using CQCTP.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Concertation.Tests;

/// <summary>Membership's events reach the roundtable's read model through the real broker and inbox.</summary>
[Collection(ConcertationCollection.Name)]
public sealed class MemberOrganizationsProjectionTests(ConcertationFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OrganizationRegistered_DeliveredTwice_IsListedOnce()
    {
        var organizationId = Guid.CreateVersion7();
        var messageId = NewId.NextGuid();
        var message = new OrganizationRegistered
        {
            OrganizationId = organizationId,
            LegalName = "Maison Projetée (test)",
            RegionCode = "05",
            Status = "active",
            RegisteredAt = DateTimeOffset.UtcNow,
        };

        await DuplicateDelivery.PublishTwiceAsync(new Uri(fixture.BrokerConnectionString), message, messageId);

        await WaitUntilAsync(async db => await db.Set<InboxRecord>().AnyAsync(r => r.MessageId == messageId));
        await using var scope = fixture.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcertationDbContext>();
        Assert.Equal(1, await db.MemberOrganizations.CountAsync(o => o.OrganizationId == organizationId));
        using var staff = fixture.CreateClient(TestCaller.Staff);
        var page = await staff.GetFromJsonAsync<JsonElement>("/api/v1/concertation/member-organizations?pageSize=100");
        Assert.Single(page.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("organizationId").GetGuid() == organizationId);
    }

    [Fact]
    public async Task MemberOrganizations_WithoutTheReadScope_Answers403()
    {
        using var portal = fixture.CreateClient(TestCaller.PortalA);

        using var response = await portal.GetAsync("/api/v1/concertation/member-organizations");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task WaitUntilAsync(Func<ConcertationDbContext, Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            await using var scope = fixture.CreateScope();
            if (await condition(scope.ServiceProvider.GetRequiredService<ConcertationDbContext>()))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The condition did not hold in time.");
    }
}
