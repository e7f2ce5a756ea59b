namespace CQCTP.Concertation.Api.Domain;

/// <summary>
/// A member organization as Membership last reported it. Concertation never reads Membership's database: this copy
/// is kept up to date by Membership's events, and an older event never overwrites a newer report.
/// </summary>
public sealed class MemberOrganization
{
    private MemberOrganization()
    {
    }

    public Guid OrganizationId { get; private set; }
    public string LegalName { get; private set; } = "";
    public string? CommonName { get; private set; }
    public string? RegionCode { get; private set; }

    /// <summary>Membership status in Membership's spelling (<c>pending</c>, <c>active</c>…).</summary>
    public string MembershipStatus { get; private set; } = "";

    /// <summary>When Membership's reported status took effect: the ordering key between events.</summary>
    public DateTimeOffset StatusReportedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static MemberOrganization Registered(Guid organizationId, string legalName, string? commonName,
        string? regionCode, string status, DateTimeOffset registeredAt, DateTimeOffset now) => new()
        {
            OrganizationId = organizationId,
            LegalName = legalName,
            CommonName = commonName,
            RegionCode = regionCode,
            MembershipStatus = status,
            StatusReportedAt = registeredAt,
            UpdatedAt = now,
        };

    /// <summary>Applies a report unless a newer one is already known (events can arrive out of order).</summary>
    public bool Report(string legalName, string? commonName, string? regionCode, string status,
        DateTimeOffset reportedAt, DateTimeOffset now)
    {
        if (reportedAt < StatusReportedAt)
        {
            return false;
        }

        LegalName = legalName;
        CommonName = commonName;
        RegionCode = regionCode;
        MembershipStatus = status;
        StatusReportedAt = reportedAt;
        UpdatedAt = now;
        return true;
    }
}
