using CQCTP.Concertation.Api.Data;
using CQCTP.Concertation.Api.Domain;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Concertation.Api.Consumers;

/// <summary>Keeps the member-organizations read model in step with Membership (saved by the inbox, once per event).</summary>
public sealed class MemberOrganizationsProjection(ConcertationDbContext db, TimeProvider clock)
    : IEventConsumer<OrganizationRegistered>
{
    /// <summary>The consumer's name, declared on this service's line in the AppHost: queue <c>concertation-member-organizations</c>.</summary>
    public const string Consumer = "member-organizations";

    public async Task HandleAsync(OrganizationRegistered message, EventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        var existing = await db.MemberOrganizations.SingleOrDefaultAsync(
            o => o.OrganizationId == message.OrganizationId, cancellationToken);
        if (existing is null)
        {
            db.MemberOrganizations.Add(MemberOrganization.Registered(message.OrganizationId, message.LegalName,
                message.CommonName, message.RegionCode, message.Status, message.RegisteredAt, now));
            return;
        }

        existing.Report(message.LegalName, message.CommonName, message.RegionCode, message.Status,
            message.RegisteredAt, now);
    }
}
