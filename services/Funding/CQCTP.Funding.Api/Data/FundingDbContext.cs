using CQCTP.ApiConventions.Data;
using CQCTP.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Funding.Api.Data;

/// <summary>The funding service's own database; its domain tables come with the funding issue.</summary>
public sealed class FundingDbContext(DbContextOptions<FundingDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FundingDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddMessagingTables();
    }
}
