using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.ServiceDefaults.Http;

/// <summary><c>?page=1&amp;pageSize=20</c>; page size at most <see cref="MaxPageSize"/>.</summary>
public sealed record PageQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    // Nullable so that an absent query parameter means "default" rather than a binding failure.
    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, MaxPageSize)]
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? DefaultPageSize;

    public int Skip => (PageNumber - 1) * Size;
}

/// <summary>One page of a list: <c>{ items, page, pageSize, total }</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

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
