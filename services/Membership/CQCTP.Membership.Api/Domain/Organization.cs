using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>A member (or applicant) organization of the coalition. Its contact details are public by nature.</summary>
public sealed class Organization : IVersioned
{
    /// <summary>The <c>rule</c> of the 409 a transition the current status does not allow answers with.</summary>
    public const string IllegalTransition = "illegal-transition";

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

    /// <summary>Admits a pending organization as an active member.</summary>
    /// <exception cref="DomainException"><c>illegal-transition</c> (409) unless the organization is pending.</exception>
    public void Activate(DateTimeOffset now)
    {
        if (Status != MembershipStatus.Pending)
        {
            throw DomainException.Conflict(IllegalTransition, new Localized(
                $"Seule une organisation en attente peut devenir membre active (statut actuel : {Status}).",
                $"Only a pending organization can become an active member (current status: {Status})."));
        }

        Status = MembershipStatus.Active;
        UpdatedAt = now;
    }

    /// <summary>Two legal names that differ only by case or spacing are the same organization.</summary>
    public static string Normalize(string legalName) =>
        string.Join(' ', legalName.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
