using Microsoft.EntityFrameworkCore;

namespace CQCTP.ApiConventions.Http;

public static class PagingExtensions
{
    /// <summary>Fetches one page and the total; the query must already be ordered, so pages are stable.</summary>
    public static Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, PageQuery query,
        CancellationToken cancellationToken) =>
        ordered.ToPagedAsync(query, ordered.CountAsync, cancellationToken);

    /// <summary>
    /// Fetches one page, then counts with <paramref name="count"/> (the same rows, possibly a cheaper query: without
    /// the joins only the page needs) unless the page itself tells the total: a page that is not full is the last.
    /// </summary>
    public static Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, PageQuery query,
        Func<CancellationToken, Task<int>> count, CancellationToken cancellationToken) =>
        ordered.ToPagedAsync(query, page => page, count, cancellationToken);

    /// <summary>
    /// Like the overload above, but <paramref name="project"/> turns only the page's rows into results: joins that only
    /// the answer needs run for those rows alone. <paramref name="project"/> must keep (or restore) the order.
    /// </summary>
    public static async Task<Paged<TResult>> ToPagedAsync<T, TResult>(this IQueryable<T> ordered, PageQuery query,
        Func<IQueryable<T>, IQueryable<TResult>> project, Func<CancellationToken, Task<int>> count,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(count);
        var items = await project(ordered.Skip(query.Skip).Take(query.Size)).ToListAsync(cancellationToken);
        // An empty page past the first says nothing about how many rows come before it.
        var total = items.Count < query.Size && (items.Count > 0 || query.Skip == 0)
            ? query.Skip + items.Count
            : await count(cancellationToken);
        return new Paged<TResult>(items, query.PageNumber, query.Size, total);
    }
}
