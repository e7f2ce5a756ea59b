using CQCTP.ServiceDefaults.Http;
using CQCTP.ServiceDefaults.Validation;

namespace CQCTP.ServiceDefaults.Tests;

public sealed class LocalScheduleTests
{
    [Fact]
    public void ToInstant_WinterTimeInToronto_IsFiveHoursBehindUtc()
    {
        var schedule = new LocalSchedule { LocalDateTime = new DateTime(2027, 2, 3, 9, 30, 0) };

        Assert.Equal(new DateTimeOffset(2027, 2, 3, 14, 30, 0, TimeSpan.Zero), schedule.ToInstant());
    }

    [Fact]
    public void ToInstant_RepeatedAutumnHour_TakesTheFirstOccurrence()
    {
        var schedule = new LocalSchedule { LocalDateTime = new DateTime(2026, 11, 1, 1, 30, 0) };

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), schedule.ToInstant());
    }

    [Fact]
    public void Validate_SkippedSpringHour_IsRefused()
    {
        var schedule = new LocalSchedule { LocalDateTime = new DateTime(2027, 3, 14, 2, 30, 0) };

        var errors = RequestValidator.Validate(schedule);

        Assert.Equal(ValidationMessages.NonexistentLocalTime, errors["localDateTime"][0].Code);
    }

    [Theory]
    [InlineData("America/Toronto", true)]
    [InlineData("Europe/Paris", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("EST5EDT-ish", false)]
    public void Validate_TimeZone_MustBeKnownIanaId(string zone, bool valid)
    {
        var schedule = new LocalSchedule { LocalDateTime = new DateTime(2027, 2, 3, 9, 30, 0), TimeZone = zone };

        var errors = RequestValidator.Validate(schedule);

        Assert.Equal(valid, !errors.ContainsKey("timeZone"));
    }
}
