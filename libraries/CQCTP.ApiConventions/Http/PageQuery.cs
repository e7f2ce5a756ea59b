using System.ComponentModel.DataAnnotations;

namespace CQCTP.ApiConventions.Http;

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
