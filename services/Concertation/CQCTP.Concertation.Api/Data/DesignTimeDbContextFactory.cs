using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CQCTP.Concertation.Api.Data;

/// <summary>For <c>dotnet ef migrations add</c>, which never connects: the connection string is a placeholder.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ConcertationDbContext>
{
    public ConcertationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ConcertationDbContext>().UseNpgsql("Host=localhost").Options);
}
