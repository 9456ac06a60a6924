namespace Flipside.Infrastructure.Demo;

/// <summary>
/// The real clock moved by an offset the demo sets: the pilot's months of history are played through the use cases at
/// the times they would have happened, each use case reading "now" from here as it does from the real clock.
/// </summary>
public sealed class ShiftedClock(TimeProvider real, TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; private set; } = offset;

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    /// <summary>Moves to an instant in the past; the demo never plays past the real present.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        var now = real.GetUtcNow();
        Offset = (instant < now ? instant : now) - now;
    }
}
