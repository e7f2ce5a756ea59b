using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// An entry of the managed list services are filed under (shelter, legal support…): a stable code clients filter on,
/// and a label staff may rename.
/// </summary>
public sealed class ServiceCategory : IVersioned
{
    /// <summary>What a code looks like: kebab-case, 2 to 40 characters.</summary>
    public const string CodePattern = "^[a-z][a-z0-9-]{1,39}$";

    private ServiceCategory()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Stable, kebab-case (<c>legal-support</c>): never changes, so links and filters keep working.</summary>
    public string Code { get; private set; } = "";

    public BilingualText Label { get; private set; } = BilingualText.Of("");
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static ServiceCategory Define(string code, BilingualText label, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var category = new ServiceCategory { Id = Guid.CreateVersion7(now), Code = code, CreatedAt = now };
        category.Rename(label, now);
        return category;
    }

    public void Rename(BilingualText label, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(label);
        Label = label;
        UpdatedAt = now;
    }
}
