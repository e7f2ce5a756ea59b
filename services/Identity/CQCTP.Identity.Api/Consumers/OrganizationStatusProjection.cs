using CQCTP.Identity.Api.Data;
using CQCTP.Identity.Api.Domain;
using CQCTP.Membership.Contracts;
using CQCTP.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Identity.Api.Consumers;

/// <summary>
/// Keeps <c>organization_statuses</c> in step with Membership (saved by the inbox, once per event), so the token
/// endpoint refuses a new token to the portal of an organization whose membership ended.
/// </summary>
public sealed class OrganizationStatusProjection(IdentityDbContext db) : IEventConsumer<MembershipStatusChanged>
{
    /// <summary>The consumer's name, declared on this service's line in the AppHost: queue <c>identity-organization-statuses</c>.</summary>
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
