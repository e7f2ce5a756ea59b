using CQCTP.ApiConventions.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Data;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<MemberDelegate> Delegates => Set<MemberDelegate>();
    public DbSet<DelegateConsent> DelegateConsents => Set<DelegateConsent>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<CommitteeMember> CommitteeMembers => Set<CommitteeMember>();
    public DbSet<MembershipStatusChange> MembershipStatusChanges => Set<MembershipStatusChange>();
    public DbSet<MembershipApplication> MembershipApplications => Set<MembershipApplication>();
    public DbSet<ServiceCategory> ServiceCategories => Set<ServiceCategory>();
    public DbSet<ServiceOffering> Services => Set<ServiceOffering>();
    public DbSet<PrivacyOfficer> PrivacyOfficers => Set<PrivacyOfficer>();
    public DbSet<PublishedContact> PublishedContacts => Set<PublishedContact>();
    public DbSet<MembershipDues> Dues => Set<MembershipDues>();
    public DbSet<GeneralAssembly> Assemblies => Set<GeneralAssembly>();
    public DbSet<AssemblyAttendance> AssemblyAttendance => Set<AssemblyAttendance>();
    public DbSet<Resolution> Resolutions => Set<Resolution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MembershipDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddMessagingTables();
    }
}
