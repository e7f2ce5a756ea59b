namespace CQCTP.Membership.Api.Domain;

/// <summary>
/// The coalition's fiscal year, April 1 – March 31, named by its first calendar year: 2026 is April 1, 2026 –
/// March 31, 2027. Memberships and dues run per fiscal year.
/// </summary>
public static class FiscalYear
{
    public const int FirstMonth = 4;

    public static int Of(DateOnly date) => date.Month >= FirstMonth ? date.Year : date.Year - 1;

    public static DateOnly Start(int fiscalYear) => new(fiscalYear, FirstMonth, 1);

    public static DateOnly End(int fiscalYear) => Start(fiscalYear + 1).AddDays(-1);

    /// <summary>How people write it: <c>2026-2027</c>.</summary>
    public static string Label(int fiscalYear) => $"{fiscalYear}-{fiscalYear + 1}";
}
