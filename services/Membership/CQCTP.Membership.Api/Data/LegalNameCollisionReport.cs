using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Data;

/// <summary>
/// Warns at start-up about organizations whose legal name collides with another's under the stricter duplicate rule
/// (see <see cref="Sql.LegalNameSql"/>), until staff resolve them. Registered after the database start-up, which
/// migrates first.
/// </summary>
internal sealed partial class LegalNameCollisionReport(IServiceProvider services, ILogger<LegalNameCollisionReport> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var collisions = await db.Database.SqlQuery<LegalNameCollision>($"""
            SELECT organization_id AS "OrganizationId", legal_name AS "LegalName",
                   kept_organization_id AS "KeptOrganizationId"
            FROM legal_name_collisions ORDER BY recorded_at, organization_id
            """).ToListAsync(cancellationToken);
        foreach (var collision in collisions)
        {
            LogCollision(logger, collision.OrganizationId, collision.LegalName, collision.KeptOrganizationId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {OrganizationId} ('{LegalName}') has the same legal name as {KeptOrganizationId} under the duplicate rule; rename or merge it, then delete its row from legal_name_collisions")]
    private static partial void LogCollision(ILogger logger, Guid organizationId, string legalName, Guid keptOrganizationId);
}
