using System.Diagnostics;
using System.Net;
using CQCTP.Identity.Api.Consumers;
using CQCTP.Identity.Api.Data;
using CQCTP.Identity.Api.Domain;
using CQCTP.Identity.Api.Extensions;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Inbox;
using CQCTP.Security;
using CQCTP.ServiceDefaults;
using CQCTP.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Identity.Tests;

/// <summary>
/// Membership's status changes reach the token endpoint through the real broker and inbox: an ended membership closes
/// the organization's portal, a reactivation opens it again.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class OrganizationStatusProjectionTests(IdentityFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Earlier = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2026, 11, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly string Queue =
        EventSubscriptions.QueueName(IdentityApi.Service, OrganizationStatusProjection.Consumer);

    [Theory]
    [InlineData("suspended")]
    [InlineData("lapsed")]
    [InlineData("withdrawn")]
    public async Task Token_ForAPortalWhoseMembershipEnded_IsRefusedUntilReactivated(string ended)
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var anonymous = fixture.Factory.CreateClient();
        var organizationId = Guid.CreateVersion7();
        var (clientId, secret) = await Clients.RegisterPortalAsync(staff, organizationId);
        var (beforeAnyEvent, _) = await Tokens.RequestAsync(anonymous, clientId, secret);

        await PublishAndWaitAsync(StatusChanged(organizationId, "active", ended, Earlier));
        var (whileEnded, refusal) = await Tokens.RequestAsync(anonymous, clientId, secret);
        await PublishAndWaitAsync(StatusChanged(organizationId, ended, "active", Later));
        var (afterReactivation, _) = await Tokens.RequestAsync(anonymous, clientId, secret);

        Assert.Equal(HttpStatusCode.OK, beforeAnyEvent);
        Assert.Equal(HttpStatusCode.BadRequest, whileEnded);
        Assert.Equal("unauthorized_client", refusal.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, afterReactivation);
    }

    [Fact]
    public async Task MembershipStatusChanged_OlderThanTheStatusHeld_NeverOverwritesIt()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var anonymous = fixture.Factory.CreateClient();
        var organizationId = Guid.CreateVersion7();
        var (clientId, secret) = await Clients.RegisterPortalAsync(staff, organizationId);
        await PublishAndWaitAsync(StatusChanged(organizationId, "suspended", "active", Later));

        await PublishAndWaitAsync(StatusChanged(organizationId, "active", "suspended", Earlier));

        var (status, _) = await Tokens.RequestAsync(anonymous, clientId, secret);
        Assert.Equal(HttpStatusCode.OK, status);
        var held = await StatusOfAsync(organizationId);
        Assert.True(held.IsActiveMember);
        Assert.Equal(Later, held.UpdatedAt);
    }

    [Fact]
    public async Task MembershipStatusChanged_DeliveredTwice_HasItsEffectOnce()
    {
        using var staff = fixture.CreateClient(TestCaller.Staff);
        using var anonymous = fixture.Factory.CreateClient();
        var organizationId = Guid.CreateVersion7();
        var (clientId, secret) = await Clients.RegisterPortalAsync(staff, organizationId);
        var messageId = NewId.NextGuid();
        using var duplicates = new InboxDuplicateCounter(Queue);

        await DuplicateDelivery.PublishTwiceAsync(new Uri(fixture.BrokerConnectionString),
            StatusChanged(organizationId, "active", "withdrawn", Earlier), messageId);
        await WaitUntilAsync(() => Task.FromResult(duplicates.Count > 0));

        Assert.Equal(1, duplicates.Count);
        var (status, refusal) = await Tokens.RequestAsync(anonymous, clientId, secret);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unauthorized_client", refusal.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_ForADevelopmentPortalWithNothingHeardFromMembership_IsIssued()
    {
        using var anonymous = fixture.Factory.CreateClient();

        var (status, body) = await Tokens.RequestAsync(anonymous, DevelopmentClients.PortalA,
            DevelopmentClients.SecretOf(DevelopmentClients.PortalA));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
    }

    private static MembershipStatusChanged StatusChanged(Guid organizationId, string from, string to,
        DateTimeOffset changedAt) => new()
        {
            OrganizationId = organizationId,
            OldStatus = from,
            NewStatus = to,
            EffectiveDate = DateOnly.FromDateTime(changedAt.UtcDateTime),
            ChangedAt = changedAt,
        };

    /// <summary>Publishes to the real broker and waits until the service's inbox has recorded the message.</summary>
    private async Task PublishAndWaitAsync(MembershipStatusChanged message)
    {
        var messageId = NewId.NextGuid();
        await EventPublisher.PublishAsync(new Uri(fixture.BrokerConnectionString), message, messageId);
        await WaitUntilAsync(async () =>
        {
            await using var scope = fixture.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Set<InboxRecord>()
                .AnyAsync(r => r.MessageId == messageId && r.Consumer == Queue);
        });
    }

    private async Task<OrganizationStatus> StatusOfAsync(Guid organizationId)
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().OrganizationStatuses
            .AsNoTracking().SingleAsync(s => s.OrganizationId == organizationId);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The condition did not hold in time.");
    }
}
