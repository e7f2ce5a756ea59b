namespace CQCTP.Primitives;

/// <summary>
/// The coalition's clock: Quebec's time zone, in which its days, deadlines and daily jobs are counted.
/// </summary>
public static class CoalitionTime
{
    /// <summary>America/Toronto: America/Montreal is a link to this zone in the IANA database.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    /// <summary>The calendar day in Quebec at <paramref name="instant"/>.</summary>
    public static DateOnly Today(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
