using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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
            await using var transaction = await db.Database.BeginWholeTransactionAsync(ct);
            var result = await work(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    /// <summary>
    /// Begins a transaction that commits or rolls back as a whole: without EF's automatic savepoint around each
    /// <c>SaveChanges</c>, which would cost two round trips and undo nothing we need undone.
    /// </summary>
    public static Task<IDbContextTransaction> BeginWholeTransactionAsync(this DatabaseFacade database,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.AutoSavepointsEnabled = false;
        return database.BeginTransactionAsync(cancellationToken);
    }
}
