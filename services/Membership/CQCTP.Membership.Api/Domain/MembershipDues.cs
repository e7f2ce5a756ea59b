using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

/// <summary>An organization's dues (cotisation) for one fiscal year: the amount asked and, once paid, the date.</summary>
public sealed class MembershipDues : IVersioned
{
    public const string PaidInFuture = "paid-date-in-future";
    public const string PaidTooEarly = "paid-date-too-early";

    private MembershipDues()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public int FiscalYear { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsPaid => PaidOn is not null;

    public static MembershipDues Record(Guid organizationId, int fiscalYear, decimal amount, DateOnly? paidOn,
        DateOnly today, DateTimeOffset now)
    {
        var dues = new MembershipDues
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            FiscalYear = fiscalYear,
            CreatedAt = now,
        };
        dues.Update(amount, paidOn, today, now);
        return dues;
    }

    /// <exception cref="DomainException">A payment dated after today, or more than a year before the fiscal year (422).</exception>
    public void Update(decimal amount, DateOnly? paidOn, DateOnly today, DateTimeOffset now)
    {
        if (paidOn > today)
        {
            throw DomainException.Rule(PaidInFuture, new Localized(
                "La date de paiement ne peut pas être dans le futur.",
                "The payment date cannot be in the future."));
        }

        // Paying next year's dues in advance is common (e.g. at the AGM); a year before its start is a typing error.
        if (paidOn < Domain.FiscalYear.Start(FiscalYear).AddYears(-1))
        {
            throw DomainException.Rule(PaidTooEarly, new Localized(
                $"Un paiement pour {Domain.FiscalYear.Label(FiscalYear)} ne peut précéder le {Domain.FiscalYear.Start(FiscalYear).AddYears(-1):yyyy-MM-dd}.",
                $"A payment for {Domain.FiscalYear.Label(FiscalYear)} cannot be earlier than {Domain.FiscalYear.Start(FiscalYear).AddYears(-1):yyyy-MM-dd}."));
        }

        Amount = amount;
        PaidOn = paidOn;
        UpdatedAt = now;
    }
}
