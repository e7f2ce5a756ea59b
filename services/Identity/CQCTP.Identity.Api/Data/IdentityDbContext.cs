using CQCTP.ApiConventions.Data;
using CQCTP.Identity.Api.Domain;
using CQCTP.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Identity.Api.Data;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientSecret> ClientSecrets => Set<ClientSecret>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<OrganizationStatus> OrganizationStatuses => Set<OrganizationStatus>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddMessagingTables();
    }
}
