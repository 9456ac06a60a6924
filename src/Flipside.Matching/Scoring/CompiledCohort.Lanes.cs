using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Flipside.Matching.Profiles;

namespace Flipside.Matching.Scoring;

internal sealed partial class CompiledCohort
{
    // Style and generation values beyond these cannot be told apart in 16-bit lanes.
    private const int MaxLaneStyle = 10_000, MaxLaneGeneration = 1_000;

    private static readonly Vector256<ushort> LaneBits = Vector256.Create(
        (ushort)1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);

    /// <summary>
    /// Mentor features laid out one 16-bit lane a mentor, padded to whole vectors, so that a mentee's score
    /// with every mentor, all parts but availability, takes one vector pass; interests and languages are
    /// bitmaps, one bit a mentor and a word per 32 mentors.
    /// </summary>
    private sealed class Lanes
    {
        public required ushort[] Department { get; init; }
        public required ushort[] Generation { get; init; }  // generation + 1, 0 when unknown (or negative, as the scalar part treats it)
        public required short[] Style { get; init; }
        public required ushort[] Mode { get; init; }
        public required ushort[] Location { get; init; }
        public required uint[] Interests { get; init; }
        public required uint[] Languages { get; init; }
    }

    // Null when a weight is negative, a score could overflow 16 bits or a value does not fit a lane:
    // then every eligible mentor is scored in full, which is slower but exact.
    private Lanes? BuildLanes(int interests, int languages, int departments, int locations)
    {
        var w = Rules.Weights;
        int[] weights = [w.Complementarity, w.SharedInterests, w.StyleFit, w.SharedLanguage, w.CrossDepartment, w.GenerationGap];
        long mostComplementarity = _goalCoefficient.Select(c => 10L * c.Sum()).DefaultIfEmpty(0).Max();
        long mostKey = (w.Complementarity * mostComplementarity) + ((long)FullPoints * weights.Skip(1).Sum(x => (long)x));
        if (weights.Any(x => x < 0) || mostKey >= ushort.MaxValue || departments > ushort.MaxValue || locations > ushort.MaxValue
            || _mentee.Style.Concat(_mentor.Style).Any(s => Math.Abs(s) > MaxLaneStyle)
            || _mentee.Generation.Concat(_mentor.Generation).Any(g => g > MaxLaneGeneration))
            return null;
        return new Lanes
        {
            Department = Padded(_mentor.Department, d => (ushort)d),
            Generation = Padded(_mentor.Generation, g => (ushort)(g < 0 ? 0 : g + 1)),
            Style = Padded(_mentor.Style, s => (short)s),
            Mode = Padded(_mentor.Mode, m => (ushort)m),
            Location = Padded(_mentor.Location, l => (ushort)l),
            Interests = Bitmaps(_mentor.Interests, _mentor.InterestWords, interests),
            Languages = Bitmaps(_mentor.Languages, _mentor.LanguageWords, languages),
        };
    }

    private TLane[] Padded<TValue, TLane>(TValue[] values, Func<TValue, TLane> lane)
    {
        var lanes = new TLane[_stride];
        for (int j = 0; j < values.Length; j++)
            lanes[j] = lane(values[j]);
        return lanes;
    }

    private uint[] Bitmaps(ulong[] bits, int words, int count)
    {
        int perRow = _stride / 32;
        var maps = new uint[Math.Max(1, count) * perRow];
        for (int j = 0; j < Mentors.Length; j++)
        {
            for (int k = 0; k < count; k++)
            {
                if ((bits[(j * words) + (k / 64)] & (1UL << (k % 64))) != 0)
                    maps[(k * perRow) + (j / 32)] |= 1U << (j % 32);
            }
        }
        return maps;
    }

    private static readonly Vector256<ushort> LaneIndexes = Vector256.Create(
        (ushort)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    /// <summary>
    /// Fills, for every mentor, mentee i's exact score with that mentor less the availability part
    /// (padding mentors get zero). Returns the highest key, and a key that at least 32 mentors reach
    /// (or all, when there are fewer): the lowest of the 32 lanes' highest, each lane holding other mentors.
    /// </summary>
    private (int Highest, int ReachedByMany) FillKeys(int i, ushort[] keys)
    {
        var lanes = _lanes!;
        var w = Rules.Weights;
        var skills = _goalSkill[i];
        var coefficients = _goalCoefficient[i];
        int[] interests = SetBits(_mentee.Interests.AsSpan(i * _mentee.InterestWords, _mentee.InterestWords));
        int[] languages = SetBits(_mentee.Languages.AsSpan(i * _mentee.LanguageWords, _mentee.LanguageWords));
        var mentee = new MenteeLanes(this, i);
        Vector256<ushort> highestLower = Vector256<ushort>.Zero, highestUpper = Vector256<ushort>.Zero;
        ref byte credit = ref _credit[0];
        for (int k = 0; k < _stride; k += Vector256<byte>.Count)
        {
            Vector256<ushort> lower = Vector256<ushort>.Zero, upper = Vector256<ushort>.Zero;
            for (int g = 0; g < skills.Length; g++)
            {
                var (l, u) = Vector256.Widen(Vector256.LoadUnsafe(ref credit, (nuint)((skills[g] * _stride) + k)));
                var coefficient = Vector256.Create((ushort)coefficients[g]);
                lower += l * coefficient;
                upper += u * coefficient;
            }
            var complementarity = Vector256.Create((ushort)w.Complementarity);
            lower = (lower * complementarity) + mentee.Parts(lanes, k, interests, languages);
            upper = (upper * complementarity) + mentee.Parts(lanes, k + Vector256<ushort>.Count, interests, languages);
            int real = Mentors.Length - k;
            if (real < Vector256<byte>.Count)
            {
                lower &= Vector256.LessThan(LaneIndexes, Vector256.Create((ushort)real));
                upper &= Vector256.LessThan(LaneIndexes + Vector256.Create((ushort)Vector256<ushort>.Count), Vector256.Create((ushort)real));
            }
            lower.StoreUnsafe(ref keys[0], (nuint)k);
            upper.StoreUnsafe(ref keys[0], (nuint)(k + Vector256<ushort>.Count));
            highestLower = Vector256.Max(highestLower, lower);
            highestUpper = Vector256.Max(highestUpper, upper);
        }
        int max = 0, many = int.MaxValue;
        for (int e = 0; e < Vector256<ushort>.Count; e++)
        {
            max = Math.Max(max, Math.Max(highestLower[e], highestUpper[e]));
            many = Math.Min(many, Math.Min(highestLower[e], highestUpper[e]));
        }
        return (max, many);
    }

    private static int[] SetBits(ReadOnlySpan<ulong> words)
    {
        var set = new List<int>();
        for (int k = 0; k < words.Length; k++)
        {
            for (ulong bits = words[k]; bits != 0; bits &= bits - 1)
                set.Add((k * 64) + BitOperations.TrailingZeroCount(bits));
        }
        return [.. set];
    }

    // One mentee's side of the lane formulas: the same rules as the scalar parts, 16 mentors at a time.
    private readonly struct MenteeLanes(CompiledCohort c, int i)
    {
        private readonly int _perRow = c._stride / 32;
        private readonly Vector256<ushort> _department = Vector256.Create((ushort)c._mentee.Department[i]);
        private readonly Vector256<ushort> _generation = Vector256.Create((ushort)(c._mentee.Generation[i] + 1));
        private readonly bool _knowsGeneration = c._mentee.Generation[i] >= 0;
        private readonly Vector256<short> _style = Vector256.Create((short)c._mentee.Style[i]);
        private readonly Vector256<ushort> _location = Vector256.Create((ushort)c._mentee.Location[i]);
        private readonly MeetingMode _mode = c._mentee.Mode[i];

        // Weights folded into the points where a part is all or nothing, broadcast once a mentee.
        private readonly Vector256<ushort> _crossDepartment = Vector256.Create((ushort)(FullPoints * c.Rules.Weights.CrossDepartment));
        private readonly Vector256<ushort> _sharedLanguage = Vector256.Create((ushort)(FullPoints * c.Rules.Weights.SharedLanguage));
        private readonly Vector256<ushort> _generationGap = Vector256.Create((ushort)c.Rules.Weights.GenerationGap);
        private readonly Vector256<ushort> _styleFit = Vector256.Create((ushort)c.Rules.Weights.StyleFit);
        private readonly Vector256<ushort> _sharedInterests = Vector256.Create((ushort)c.Rules.Weights.SharedInterests);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<ushort> Parts(Lanes lanes, int k, int[] interests, int[] languages)
        {
            var full = Vector256.Create((ushort)FullPoints);
            var department = Vector256.AndNot(_crossDepartment, Vector256.Equals(Vector256.LoadUnsafe(ref lanes.Department[0], (nuint)k), _department));

            var generation = Vector256.LoadUnsafe(ref lanes.Generation[0], (nuint)k);
            var gap = Vector256.Min(Vector256.Max(generation, _generation) - Vector256.Min(generation, _generation), Vector256.Create((ushort)3));
            var generations = _knowsGeneration
                ? Vector256.Min(gap * Vector256.Create((ushort)34), full) & ~Vector256.Equals(generation, Vector256<ushort>.Zero)
                : Vector256<ushort>.Zero;

            var style = Vector256.LoadUnsafe(ref lanes.Style[0], (nuint)k);
            var apart = Vector256.Min(Vector256.Abs(style - _style), Vector256.Create((short)4)).AsUInt16();
            var fit = full - (apart * Vector256.Create((ushort)25));
            var mode = Vector256.LoadUnsafe(ref lanes.Mode[0], (nuint)k);
            var inPerson = Vector256.Equals(mode, Vector256.Create((ushort)MeetingMode.InPerson));
            var video = Vector256.Equals(mode, Vector256.Create((ushort)MeetingMode.Video));
            var elsewhere = ~Vector256.Equals(Vector256.LoadUnsafe(ref lanes.Location[0], (nuint)k), _location);
            var clash = _mode switch
            {
                MeetingMode.InPerson => video | elsewhere,
                MeetingMode.Video => inPerson,
                _ => inPerson & elsewhere,
            };
            fit = Vector256.ConditionalSelect(clash, fit >>> 1, fit);

            var shared = Vector256.Min(Count(lanes.Interests, interests, k), Vector256.Create((ushort)3));
            var interestPoints = Vector256.Min(shared * Vector256.Create((ushort)34), full);
            var language = Vector256.AndNot(_sharedLanguage, Vector256.Equals(Count(lanes.Languages, languages, k), Vector256<ushort>.Zero));

            return department + language + (generations * _generationGap) + (fit * _styleFit) + (interestPoints * _sharedInterests);
        }

        // How many of the listed bitmaps have each of the 16 mentors from k.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector256<ushort> Count(uint[] maps, int[] listed, int k)
        {
            var count = Vector256<ushort>.Zero;
            int word = k / 32, shift = k % 32;
            foreach (int t in listed)
            {
                var bits = Vector256.Create((ushort)(maps[(t * _perRow) + word] >> shift)) & LaneBits;
                count -= Vector256.Equals(bits, LaneBits);
            }
            return count;
        }
    }
}
