using Microsoft.EntityFrameworkCore;

namespace CQCTP.Messaging;

public static class DbContextTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction under the context's execution strategy (Aspire enables
    /// retries, which refuse a bare BeginTransaction), then saves and commits: changes and outbox rows together.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // The transaction rolls back whole: a savepoint around SaveChanges would only add two round trips.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
