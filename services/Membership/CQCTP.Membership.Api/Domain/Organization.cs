using CQCTP.ServiceDefaults.Http;

namespace CQCTP.Membership.Api.Domain;

/// <summary>A member (or applicant) organization of the coalition. Its contact details are public by nature.</summary>
public sealed class Organization : IVersioned
{
    private Organization()
    {
    }

    public Guid Id { get; private set; }
    public string LegalName { get; private set; } = "";
    public string NormalizedLegalName { get; private set; } = "";
    public string? CommonName { get; private set; }
    public string? RegionCode { get; private set; }
    public string? PublicEmail { get; private set; }
    public string? Website { get; private set; }
    public BilingualText? Description { get; private set; }
    public MembershipStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Organization Register(OrganizationDetails details, DateTimeOffset now) =>
        Register(Guid.CreateVersion7(now), details, now);

    /// <summary>Registers under a known id (development fixtures that other services refer to).</summary>
    public static Organization Register(Guid id, OrganizationDetails details, DateTimeOffset now)
    {
        var organization = new Organization
        {
            Id = id,
            Status = MembershipStatus.Pending,
            CreatedAt = now,
        };
        organization.Update(details, now);
        return organization;
    }

    public void Update(OrganizationDetails details, DateTimeOffset now)
    {
        LegalName = details.LegalName.Trim();
        NormalizedLegalName = Normalize(LegalName);
        CommonName = Blank(details.CommonName);
        RegionCode = Blank(details.RegionCode);
        PublicEmail = Blank(details.PublicEmail);
        Website = Blank(details.Website);
        Description = details.Description;
        UpdatedAt = now;
    }

    /// <summary>Admits a pending organization as an active member. The full status workflow comes with the membership issue.</summary>
    public void Activate(DateTimeOffset now)
    {
        if (Status != MembershipStatus.Pending)
        {
            throw new InvalidOperationException($"Only a pending organization can be activated (status: {Status}).");
        }

        Status = MembershipStatus.Active;
        UpdatedAt = now;
    }

    /// <summary>Two legal names that differ only by case or spacing are the same organization.</summary>
    public static string Normalize(string legalName) =>
        string.Join(' ', legalName.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record OrganizationDetails(
    string LegalName,
    string? CommonName,
    string? RegionCode,
    string? PublicEmail,
    string? Website,
    BilingualText? Description);

/// <summary>Where an organization stands in the coalition (statut de membre).</summary>
public enum MembershipStatus
{
    Pending,
    Active,
    Suspended,
    Lapsed,
    Withdrawn,
}
