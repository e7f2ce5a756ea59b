using Microsoft.EntityFrameworkCore;

namespace CQCTP.ApiConventions.Http;

public static class PagingExtensions
{
    /// <summary>Counts and fetches one page; the query must already be ordered, so pages are stable.</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, PageQuery query,
        CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip(query.Skip).Take(query.Size).ToListAsync(cancellationToken);
        return new Paged<T>(items, query.PageNumber, query.Size, total);
    }
}
