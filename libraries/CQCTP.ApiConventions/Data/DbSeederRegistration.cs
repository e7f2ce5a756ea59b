using Microsoft.EntityFrameworkCore;

namespace CQCTP.ApiConventions.Data;

/// <summary>A seeder and the environments it runs in (never Production).</summary>
public sealed record DbSeederRegistration<TContext>(Type SeederType, IReadOnlySet<string> Environments,
    bool IsDemoData = false)
    where TContext : DbContext;
