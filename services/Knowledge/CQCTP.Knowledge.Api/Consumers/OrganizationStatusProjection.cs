using CQCTP.Knowledge.Api.Data;
using CQCTP.Knowledge.Api.Domain;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Knowledge.Api.Consumers;

/// <summary>
/// Keeps <c>organization_statuses</c> in step with Membership (saved by the inbox, once per event), so
/// <see cref="Extensions.ActiveMemberGate"/> refuses the portal token of an organization whose membership ended.
/// </summary>
public sealed class OrganizationStatusProjection(KnowledgeDbContext db) : IEventConsumer<MembershipStatusChanged>
{
    /// <summary>The consumer's name, declared on this service's line in the AppHost: queue <c>knowledge-organization-statuses</c>.</summary>
    public const string Consumer = "organization-statuses";

    /// <summary>Membership's spelling of the one status that keeps a portal open.</summary>
    public const string ActiveStatus = "active";

    public async Task HandleAsync(MembershipStatusChanged message, EventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var isActive = message.NewStatus == ActiveStatus;
        var existing = await db.OrganizationStatuses.SingleOrDefaultAsync(
            s => s.OrganizationId == message.OrganizationId, cancellationToken);
        if (existing is null)
        {
            db.OrganizationStatuses.Add(OrganizationStatus.Record(message.OrganizationId, isActive, message.ChangedAt));
            return;
        }

        existing.Update(isActive, message.ChangedAt);
    }
}
