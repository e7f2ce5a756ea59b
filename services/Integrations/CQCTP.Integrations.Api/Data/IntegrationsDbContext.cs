using CQCTP.ApiConventions.Data;
using CQCTP.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Integrations.Api.Data;

/// <summary>The integrations service's own database; its tables (webhook subscriptions, deliveries) come later.</summary>
public sealed class IntegrationsDbContext(DbContextOptions<IntegrationsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntegrationsDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddMessagingTables();
    }
}
