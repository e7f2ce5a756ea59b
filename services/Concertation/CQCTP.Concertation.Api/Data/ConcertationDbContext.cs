using CQCTP.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Concertation.Api.Data;

/// <summary>The concertation service's own database; its domain tables come with the concertation issue.</summary>
public sealed class ConcertationDbContext(DbContextOptions<ConcertationDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConcertationDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
    }
}
