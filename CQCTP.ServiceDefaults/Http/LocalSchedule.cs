using System.ComponentModel.DataAnnotations;
using CQCTP.ServiceDefaults.Problems;
using CQCTP.ServiceDefaults.Validation;

namespace CQCTP.ServiceDefaults.Http;

/// <summary>
/// When something happens where people are: a local date-time plus an IANA zone
/// (<c>{ "localDateTime": "2027-02-03T09:30:00", "timeZone": "America/Toronto" }</c>). Stored as given, so a
/// meeting stays at 9:30 even if daylight-saving rules change; <see cref="ToInstant"/> gives the UTC instant.
/// </summary>
public sealed record LocalSchedule
{
    public const string DefaultTimeZone = "America/Toronto";

    [Required]
    [ExistingLocalTime]
    public DateTime? LocalDateTime { get; init; }

    [Required]
    [IanaTimeZone]
    public string TimeZone { get; init; } = DefaultTimeZone;

    /// <summary>The instant; in the autumn's repeated hour, the first (daylight-saving) one.</summary>
    public DateTimeOffset ToInstant()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = DateTime.SpecifyKind(LocalDateTime ?? throw new InvalidOperationException("No local date-time."),
            DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}

/// <summary>An IANA time zone id known to this machine (<c>America/Toronto</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IanaTimeZoneAttribute : ValidationAttribute, ICodedValidation
{
    public override bool IsValid(object? value) =>
        value is not string id || (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId);

    public FieldError ToFieldError() => ValidationMessages.Error(ValidationMessages.InvalidTimeZone);
}

/// <summary>Refuses a local time that never happens (the hour skipped when clocks spring forward).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ExistingLocalTimeAttribute : ValidationAttribute, ICodedValidation
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not DateTime local || validationContext.ObjectInstance is not LocalSchedule schedule
            || !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone))
        {
            return ValidationResult.Success;
        }

        return zone.IsInvalidTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified))
            ? new ValidationResult(ValidationMessages.NonexistentLocalTime)
            : ValidationResult.Success;
    }

    public FieldError ToFieldError() => ValidationMessages.Error(ValidationMessages.NonexistentLocalTime);
}
