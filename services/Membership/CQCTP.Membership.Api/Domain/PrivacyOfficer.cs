using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// The person in charge of protecting personal information (Quebec's Law 25 requires their name and contact to be
/// published). One per coalition: a single row, absent until staff appoint someone.
/// </summary>
public sealed class PrivacyOfficer : IVersioned
{
    /// <summary>The one row's id (there is a single privacy officer).</summary>
    public static readonly Guid SingletonId = new("019ac5a0-0000-7000-8000-0000000000f1");

    private PrivacyOfficer()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public BilingualText Title { get; private set; } = BilingualText.Of("");
    public string Email { get; private set; } = "";
    public string? Phone { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static PrivacyOfficer Appoint(PrivacyOfficerDetails details, DateTimeOffset now)
    {
        var officer = new PrivacyOfficer { Id = SingletonId };
        officer.Update(details, now);
        return officer;
    }

    public void Update(PrivacyOfficerDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Name = details.Name.Trim();
        Title = details.Title;
        Email = details.Email.Trim();
        Phone = string.IsNullOrWhiteSpace(details.Phone) ? null : details.Phone.Trim();
        UpdatedAt = now;
    }
}
