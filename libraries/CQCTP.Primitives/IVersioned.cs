namespace CQCTP.Primitives;

/// <summary>An entity with an id and a row version (PostgreSQL <c>xmin</c>), from which the API derives its ETag.</summary>
public interface IVersioned
{
    Guid Id { get; }

    uint Version { get; }
}
