using System.Diagnostics;
using System.Security.Claims;
using CQCTP.Knowledge.Api.Consumers;
using CQCTP.Knowledge.Api.Data;
using CQCTP.Knowledge.Api.Domain;
using CQCTP.Knowledge.Api.Extensions;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Inbox;
using CQCTP.Security;
using CQCTP.ServiceDefaults;
using CQCTP.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Knowledge.Tests;

/// <summary>
/// Membership's status changes reach Knowledge's copy through the real broker and inbox, and its token gate reads
/// that copy. The refusal of a request comes with the first members-only read; here the gate is asked directly.
/// </summary>
[Collection(KnowledgeCollection.Name)]
public sealed class OrganizationStatusProjectionTests(KnowledgeFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Earlier = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2026, 11, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly string Queue =
        EventSubscriptions.QueueName(KnowledgeApi.Service, OrganizationStatusProjection.Consumer);

    [Fact]
    public async Task MembershipStatusChanged_OlderThanTheStatusHeld_NeverOverwritesIt()
    {
        var organizationId = Guid.CreateVersion7();
        await PublishAndWaitAsync(StatusChanged(organizationId, "active", "suspended", Later));

        await PublishAndWaitAsync(StatusChanged(organizationId, "pending", "active", Earlier));

        var held = await StatusOfAsync(organizationId);
        Assert.False(held.IsActiveMember);
        Assert.Equal(Later, held.UpdatedAt);
        Assert.False(await GateAllowsAsync(Portal(organizationId)));
    }

    [Fact]
    public async Task Gate_ForAPortalWhoseMembershipEndedThenWasReactivated_AllowsIt()
    {
        var organizationId = Guid.CreateVersion7();
        await PublishAndWaitAsync(StatusChanged(organizationId, "active", "lapsed", Earlier));
        var whileLapsed = await GateAllowsAsync(Portal(organizationId));

        await PublishAndWaitAsync(StatusChanged(organizationId, "lapsed", "active", Later));

        Assert.False(whileLapsed);
        Assert.True(await GateAllowsAsync(Portal(organizationId)));
    }

    [Fact]
    public async Task Gate_ForAPortalWithNothingHeardOrAStaffToken_AllowsIt()
    {
        var unheard = Portal(Guid.CreateVersion7());
        var staff = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PlatformClaims.Scope, string.Join(' ', Scopes.Staff))], "test"));

        Assert.True(await GateAllowsAsync(unheard));
        Assert.True(await GateAllowsAsync(staff));
    }

    private static ClaimsPrincipal Portal(Guid organizationId) => new(new ClaimsIdentity(
        [
            new Claim(PlatformClaims.Scope, Scopes.MembershipSelf),
            new Claim(PlatformClaims.OrganizationId, organizationId.ToString()),
        ], "test"));

    private static MembershipStatusChanged StatusChanged(Guid organizationId, string from, string to,
        DateTimeOffset changedAt) => new()
        {
            OrganizationId = organizationId,
            OldStatus = from,
            NewStatus = to,
            EffectiveDate = DateOnly.FromDateTime(changedAt.UtcDateTime),
            ChangedAt = changedAt,
        };

    private async Task<bool> GateAllowsAsync(ClaimsPrincipal principal)
    {
        await using var scope = fixture.CreateScope();
        var gate = Assert.Single(scope.ServiceProvider.GetServices<IAccessTokenGate>());
        return await gate.AllowsAsync(principal, CancellationToken.None);
    }

    /// <summary>Publishes to the real broker and waits until the service's inbox has recorded the message.</summary>
    private async Task PublishAndWaitAsync(MembershipStatusChanged message)
    {
        var messageId = NewId.NextGuid();
        await EventPublisher.PublishAsync(new Uri(fixture.BrokerConnectionString), message, messageId);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            await using var scope = fixture.CreateScope();
            if (await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().Set<InboxRecord>()
                .AnyAsync(r => r.MessageId == messageId && r.Consumer == Queue))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The message was not consumed in time.");
    }

    private async Task<OrganizationStatus> StatusOfAsync(Guid organizationId)
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().OrganizationStatuses
            .AsNoTracking().SingleAsync(s => s.OrganizationId == organizationId);
    }
}
