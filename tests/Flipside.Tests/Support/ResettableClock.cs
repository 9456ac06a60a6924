using Microsoft.Extensions.Time.Testing;

namespace Flipside.Tests.Support;

/// <summary>
/// The app's clock: a FakeTimeProvider behind a wrapper that a reset can replace, because a fake clock cannot be set
/// back and an app shared by several tests must give each of them the same starting time.
/// </summary>
public sealed class ResettableClock : TimeProvider
{
    public FakeTimeProvider Current { get; private set; } = new(FlipsideFactory.Start);

    public void Reset() => Current = new(FlipsideFactory.Start);

    public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();
    public override long GetTimestamp() => Current.GetTimestamp();
    public override long TimestampFrequency => Current.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Current.CreateTimer(callback, state, dueTime, period);
}
