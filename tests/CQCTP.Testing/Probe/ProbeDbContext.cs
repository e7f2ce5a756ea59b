using CQCTP.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Testing.Probe;

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options)
{
    public DbSet<ProbeNote> Notes => Set<ProbeNote>();
    public DbSet<ProbeEffect> Effects => Set<ProbeEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeNote>().ToTable("probe_notes");
        modelBuilder.Entity<ProbeEffect>().ToTable("probe_effects");
        modelBuilder.AddMessagingTables();
    }
}
