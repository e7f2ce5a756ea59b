namespace CQCTP.ApiConventions.Http;

/// <summary>One page of a list: <c>{ items, page, pageSize, total }</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
