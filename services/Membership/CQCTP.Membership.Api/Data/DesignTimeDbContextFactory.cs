using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CQCTP.Membership.Api.Data;

/// <summary>For <c>dotnet ef migrations add</c>, which never connects: the connection string is a placeholder.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MembershipDbContext>
{
    public MembershipDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MembershipDbContext>().UseNpgsql("Host=localhost").Options);
}
