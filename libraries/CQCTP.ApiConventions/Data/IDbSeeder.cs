using Microsoft.EntityFrameworkCore;

namespace CQCTP.ApiConventions.Data;

/// <summary>Seeds rows into a freshly migrated database, in the environments it was registered for.</summary>
public interface IDbSeeder<in TContext> where TContext : DbContext
{
    Task SeedAsync(TContext context, CancellationToken cancellationToken);
}
