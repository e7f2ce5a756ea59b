using CQCTP.Membership.Api.Domain;

namespace CQCTP.Membership.Api.Endpoints;

public sealed record DuesResponse(
    Guid OrganizationId,
    int FiscalYear,
    string FiscalYearLabel,
    decimal Amount,
    DateOnly? PaidOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static DuesResponse From(MembershipDues d) =>
        new(d.OrganizationId, d.FiscalYear, Domain.FiscalYear.Label(d.FiscalYear), d.Amount, d.PaidOn, d.CreatedAt, d.UpdatedAt);
}
