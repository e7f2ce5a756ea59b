namespace CQCTP.Membership.Contracts;

/// <summary>
/// Published when an active member's dues for a fiscal year (April 1 – March 31) are unpaid and a reminder is due; the
/// Knowledge service emails the primary contact in their language. Personal: integrators never receive it.
/// </summary>
[PersonalData]
public sealed record RenewalDue
{
    public required Guid OrganizationId { get; init; }
    public required string OrganizationName { get; init; }

    /// <summary>The fiscal year's first calendar year: <c>2026</c> is April 1, 2026 – March 31, 2027.</summary>
    public required int FiscalYear { get; init; }

    /// <summary>The day the membership lapses if the dues are still unpaid.</summary>
    public required DateOnly LapsesOn { get; init; }

    [PersonalData]
    public string? PrimaryContactEmail { get; init; }

    /// <summary><c>fr</c> or <c>en</c>.</summary>
    public required string PrimaryContactLanguage { get; init; }

    public required DateTimeOffset DueAt { get; init; }
}
