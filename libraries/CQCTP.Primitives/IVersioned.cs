namespace CQCTP.Primitives;

/// <summary>An entity with a row version (PostgreSQL <c>xmin</c>), which the API hands out as its ETag.</summary>
public interface IVersioned
{
    uint Version { get; }
}
