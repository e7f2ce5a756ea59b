using CQCTP.ApiConventions.Data;
using CQCTP.Knowledge.Api.Domain;
using CQCTP.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Knowledge.Api.Data;

/// <summary>The knowledge service's own database; its domain tables come with the knowledge issue.</summary>
public sealed class KnowledgeDbContext(DbContextOptions<KnowledgeDbContext> options) : DbContext(options)
{
    /// <summary>Membership statuses as last heard from its events; read by the portal token gate.</summary>
    public DbSet<OrganizationStatus> OrganizationStatuses => Set<OrganizationStatus>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KnowledgeDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddMessagingTables();
    }
}
