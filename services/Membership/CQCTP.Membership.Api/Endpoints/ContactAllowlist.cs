using CQCTP.Membership.Api.Data;
using CQCTP.Primitives;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>The identifiers an organization's texts may print: the published contacts staff list, and its own public email and phone.</summary>
internal static class ContactAllowlist
{
    public static async Task<IdentifierAllowlist> ForOrganizationAsync(MembershipDbContext db, string? publicEmail,
        string? publicPhone, CancellationToken cancellationToken)
    {
        var published = await db.PublishedContacts.AsNoTracking().Select(c => c.NormalizedValue)
            .ToListAsync(cancellationToken);
        return new IdentifierAllowlist([.. published, publicEmail, publicPhone]);
    }
}
