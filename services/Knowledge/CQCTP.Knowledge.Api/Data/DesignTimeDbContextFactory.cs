using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CQCTP.Knowledge.Api.Data;

/// <summary>For <c>dotnet ef migrations add</c>, which never connects: the connection string is a placeholder.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<KnowledgeDbContext>
{
    public KnowledgeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KnowledgeDbContext>().UseNpgsql("Host=localhost").Options);
}
