using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Flipside.Matching.Profiles;

/// <summary>
/// Times in a week, counted in UTC from Monday 00:00, to the quarter hour: every UTC offset in use is a whole
/// number of quarter hours (Asia/Kolkata is +5:30, Asia/Kathmandu +5:45), so a local hour converts exactly.
/// </summary>
public readonly struct WeekHours : IEquatable<WeekHours>
{
    /// <summary>Hours in a week.</summary>
    public const int HoursPerWeek = 168;

    /// <summary>Minutes in a week.</summary>
    public const int MinutesPerWeek = HoursPerWeek * 60;

    /// <summary>The resolution: a quarter hour.</summary>
    public const int SlotMinutes = 15;

    internal const int SlotsPerHour = 60 / SlotMinutes;
    internal const int SlotsPerWeek = HoursPerWeek * SlotsPerHour;
    private const int Words = (SlotsPerWeek + 63) / 64;

    private readonly Bits _bits;

    [InlineArray(Words)]
    private struct Bits
    {
        private ulong _word;
    }

    private WeekHours(Bits bits) => _bits = bits;

    /// <summary>How many minutes are set.</summary>
    public int Minutes => Slots * SlotMinutes;

    internal int Slots
    {
        get
        {
            int count = 0;
            foreach (ulong word in (ReadOnlySpan<ulong>)_bits)
                count += BitOperations.PopCount(word);
            return count;
        }
    }

    /// <summary>The times both sets share.</summary>
    public WeekHours Overlap(WeekHours other)
    {
        var bits = default(Bits);
        for (int k = 0; k < Words; k++)
            bits[k] = _bits[k] & other._bits[k];
        return new WeekHours(bits);
    }

    // The hot path of scoring: the shared quarter hours without building the overlap.
    internal int OverlapSlots(in WeekHours other)
    {
        int count = 0;
        for (int k = 0; k < Words; k++)
            count += BitOperations.PopCount(_bits[k] & other._bits[k]);
        return count;
    }

    /// <summary>Builds week hours from local hours of the week (0 = Monday 00:00) and a whole-hour UTC offset.</summary>
    public static WeekHours FromLocal(IEnumerable<int> localHoursOfWeek, int utcOffsetHours) =>
        FromUtcSpans(localHoursOfWeek.Select(h => ((h - utcOffsetHours) * 60, 60)));

    /// <summary>
    /// Builds week hours from UTC spans: a start in minutes from Monday 00:00 UTC (any integer; it wraps around
    /// the week) and a length in minutes. A quarter hour is set only when a span covers all of it, so a set never
    /// claims time that was not given.
    /// </summary>
    public static WeekHours FromUtcSpans(IEnumerable<(int StartMinute, int Minutes)> spans)
    {
        var bits = default(Bits);
        foreach (var (start, minutes) in spans)
        {
            int first = (int)Math.Ceiling(start / (double)SlotMinutes), end = (int)Math.Floor((start + (long)minutes) / (double)SlotMinutes);
            for (int slot = first; slot < end && slot - first < SlotsPerWeek; slot++)
            {
                int s = ((slot % SlotsPerWeek) + SlotsPerWeek) % SlotsPerWeek;
                bits[s / 64] |= 1UL << (s % 64);
            }
        }
        return new WeekHours(bits);
    }

    /// <summary>The set as spans (start minute from Monday 00:00 UTC, length in minutes), earliest first.</summary>
    public IReadOnlyList<(int StartMinute, int Minutes)> Spans()
    {
        var spans = new List<(int StartMinute, int Minutes)>();
        for (int s = 0; s < SlotsPerWeek; s++)
        {
            if ((_bits[s / 64] & (1UL << (s % 64))) == 0)
                continue;
            if (spans.Count > 0 && spans[^1].StartMinute + spans[^1].Minutes == s * SlotMinutes)
                spans[^1] = (spans[^1].StartMinute, spans[^1].Minutes + SlotMinutes);
            else
                spans.Add((s * SlotMinutes, SlotMinutes));
        }
        return spans;
    }

    /// <inheritdoc/>
    public bool Equals(WeekHours other) => ((ReadOnlySpan<ulong>)_bits).SequenceEqual(other._bits);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is WeekHours other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes((ReadOnlySpan<ulong>)_bits));
        return hash.ToHashCode();
    }

    /// <summary>Equal when the same times are set.</summary>
    public static bool operator ==(WeekHours left, WeekHours right) => left.Equals(right);

    /// <summary>Different when any time differs.</summary>
    public static bool operator !=(WeekHours left, WeekHours right) => !left.Equals(right);

    /// <summary>The spans as "Mon 03:30–04:30" in UTC, for messages and test failures.</summary>
    public override string ToString() => string.Join(", ", Spans().Select(s => $"{Clock(s.StartMinute)}–{Clock(s.StartMinute + s.Minutes)}"));

    private static string Clock(int minute)
    {
        string[] days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mon"];
        return $"{days[minute / 1440]} {minute % 1440 / 60:00}:{minute % 60:00}";
    }
}
