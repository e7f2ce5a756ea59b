using CQCTP.ApiConventions.Data;
using CQCTP.Integrations.Api.Domain;
using CQCTP.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Integrations.Api.Data;

/// <summary>The integrations service's own database: webhook subscriptions, their deliveries, the stream checkpoint and
/// the stream messages set aside.</summary>
public sealed class IntegrationsDbContext(DbContextOptions<IntegrationsDbContext> options) : DbContext(options)
{
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<StreamCheckpoint> StreamCheckpoints => Set<StreamCheckpoint>();

    public DbSet<UnprocessableStreamEvent> UnprocessableStreamEvents => Set<UnprocessableStreamEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntegrationsDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddMessagingTables();
    }
}
