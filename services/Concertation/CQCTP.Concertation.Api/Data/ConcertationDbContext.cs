using CQCTP.ApiConventions.Data;
using CQCTP.Concertation.Api.Domain;
using CQCTP.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Concertation.Api.Data;

/// <summary>The concertation service's own database; its domain tables come with the concertation issue.</summary>
public sealed class ConcertationDbContext(DbContextOptions<ConcertationDbContext> options) : DbContext(options)
{
    /// <summary>Local read model of Membership's organizations, fed by its events (never by reading its database).</summary>
    public DbSet<MemberOrganization> MemberOrganizations => Set<MemberOrganization>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConcertationDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddMessagingTables();
    }
}
