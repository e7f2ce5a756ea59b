namespace CQCTP.Testing;

/// <summary>
/// The platform's rate limits count in windows aligned on the wall clock (a one-minute window runs from :00 to :59).
/// A test that exhausts one must run inside a single window: a burst that straddles a boundary splits its requests
/// between two budgets and may never be refused.
/// </summary>
public static class RateLimitWindow
{
    /// <summary>Waits, if needed, until the current window has at least <paramref name="room"/> left.</summary>
    public static async Task WaitForRoomAsync(TimeSpan room, TimeSpan? window = null, TimeProvider? clock = null)
    {
        var length = window ?? TimeSpan.FromMinutes(1);
        if (room >= length)
        {
            throw new ArgumentOutOfRangeException(nameof(room), room, "The room needed must be shorter than the window.");
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcTicks;
        var left = TimeSpan.FromTicks(length.Ticks - (now % length.Ticks));
        if (left < room)
        {
            // A little past the boundary, so the next window has surely begun on the server's clock too.
            await Task.Delay(left + TimeSpan.FromMilliseconds(200), clock ?? TimeProvider.System);
        }
    }
}
