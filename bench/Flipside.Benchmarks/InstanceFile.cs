using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Flipside.Benchmarks;

/// <summary>A bad instance file, with a message that names what is wrong.</summary>
public sealed class InstanceFormatException(string message) : Exception(message);

/// <summary>An MBINST01 assignment instance (see tests/Flipside.Matching.Tests/Instances/FORMAT.md).</summary>
public sealed class InstanceFile
{
    public const string Magic = "MBINST01";

    public required bool Sparse { get; init; }
    public required bool FloatScores { get; init; }
    public required int Mentees { get; init; }
    public required int Mentors { get; init; }
    public ulong Seed { get; init; }
    public required int[] Capacities { get; init; }
    public long[]? RowStart { get; init; }
    public int[]? MentorIndex { get; init; }
    public int[]? IntScores { get; init; }
    public double[]? FloatScoresArray { get; init; }
    public required (int Mentee, int Mentor)[] Forbidden { get; init; }
    public required (int Mentee, int Mentor)[] Locked { get; init; }

    public long PairCount => Sparse ? MentorIndex!.Length : (long)Mentees * Mentors;

    public static InstanceFile Read(byte[] bytes)
    {
        var r = new Reader(bytes);
        if (bytes.Length < 8 || Encoding.ASCII.GetString(bytes, 0, 8) != Magic)
            throw new InstanceFormatException($"wrong magic: expected {Magic}");
        r.Skip(8);
        int kind = r.Int32("kind"), scoreType = r.Int32("scoreType");
        if (kind is not (0 or 1))
            throw new InstanceFormatException($"kind {kind} is neither 0 (dense) nor 1 (sparse)");
        if (scoreType is not (0 or 1))
            throw new InstanceFormatException($"scoreType {scoreType} is neither 0 (int32) nor 1 (float64)");
        int n = r.Int32("nMentees"), m = r.Int32("nMentors");
        long nnz = r.Int64("nnz");
        ulong seed = (ulong)r.Int64("seed");
        if (n < 0 || m < 0 || nnz < 0)
            throw new InstanceFormatException("negative size in header");
        if (kind == 0 && nnz != (long)n * m)
            throw new InstanceFormatException($"dense nnz {nnz} is not nMentees × nMentors = {(long)n * m}");
        // Arrays hold at most int.MaxValue elements; a larger count is refused here rather than overflowing below.
        if (nnz > int.MaxValue)
            throw new InstanceFormatException($"nnz {nnz} is too large: at most {int.MaxValue} pairs");
        var caps = r.Int32s(m, "cap");
        for (int j = 0; j < m; j++)
        {
            if (caps[j] < 0)
                throw new InstanceFormatException($"cap[{j}] is negative");
        }
        long[]? rowStart = null;
        int[]? col = null;
        if (kind == 1)
        {
            rowStart = r.Int64s(n + 1L, "rowPtr");
            col = r.Int32s(nnz, "col");
            CheckRows(rowStart, col, n, m);
        }
        int[]? ints = scoreType == 0 ? r.Int32s(nnz, "score") : null;
        double[]? doubles = scoreType == 1 ? r.Doubles(nnz, "score") : null;
        if (doubles is not null)
            CheckFinite(doubles, rowStart, col, m);
        var forbidden = r.Pairs("forbidden", n, m);
        var locked = r.Pairs("locked", n, m);
        return new InstanceFile
        {
            Sparse = kind == 1,
            FloatScores = scoreType == 1,
            Mentees = n,
            Mentors = m,
            Seed = seed,
            Capacities = caps,
            RowStart = rowStart,
            MentorIndex = col,
            IntScores = ints,
            FloatScoresArray = doubles,
            Forbidden = forbidden,
            Locked = locked,
        };
    }

    // NaN or an infinity would poison every sum and comparison the solver makes.
    private static void CheckFinite(double[] scores, long[]? rowStart, int[]? col, int m)
    {
        for (int k = 0; k < scores.Length; k++)
        {
            if (double.IsFinite(scores[k]))
                continue;
            long mentee = rowStart is null ? k / m : RowOf(rowStart, k);
            long mentor = col is null ? k % m : col[k];
            throw new InstanceFormatException(
                $"score of mentee {mentee} and mentor {mentor} is {scores[k].ToString(CultureInfo.InvariantCulture)}: scores must be finite");
        }

        // The row holding pair k: the last row starting at or before it (rows may be empty).
        static long RowOf(long[] rowStart, int k)
        {
            int row = 0;
            while (row + 1 < rowStart.Length - 1 && rowStart[row + 1] <= k)
                row++;
            return row;
        }
    }

    private static void CheckRows(long[] rowStart, int[] col, int n, int m)
    {
        if (rowStart[0] != 0 || rowStart[n] != col.Length)
            throw new InstanceFormatException("rowPtr must start at 0 and end at nnz");
        for (int i = 0; i < n; i++)
        {
            if (rowStart[i + 1] < rowStart[i])
                throw new InstanceFormatException($"rowPtr decreases at mentee {i}");
            for (long e = rowStart[i]; e < rowStart[i + 1]; e++)
            {
                if ((uint)col[e] >= (uint)m)
                    throw new InstanceFormatException($"col {col[e]} of mentee {i} is out of range 0..{m - 1}");
                if (e > rowStart[i] && col[e] <= col[e - 1])
                    throw new InstanceFormatException($"cols of mentee {i} are not strictly ascending");
            }
        }
    }

    private sealed class Reader(byte[] bytes)
    {
        private int _at;

        public void Skip(int count) => _at += count;

        private ReadOnlySpan<byte> Take(long count, string what)
        {
            if (count < 0 || count > bytes.Length - _at)
                throw new InstanceFormatException($"file is truncated in {what} (at byte {_at} of {bytes.Length})");
            var span = bytes.AsSpan(_at, (int)count);
            _at += (int)count;
            return span;
        }

        public int Int32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));

        public long Int64(string what) => BinaryPrimitives.ReadInt64LittleEndian(Take(8, what));

        // Counts are long so that a huge header value reads as "truncated" instead of overflowing an int.
        public int[] Int32s(long count, string what) => Values<int>(count, what);

        public long[] Int64s(long count, string what) => Values<long>(count, what);

        public double[] Doubles(long count, string what) => Values<double>(count, what);

        // The format is little-endian, like every machine .NET runs the benchmarks on; refuse otherwise.
        private T[] Values<T>(long count, string what) where T : unmanaged
        {
            if (!BitConverter.IsLittleEndian)
                throw new InstanceFormatException("reading instances needs a little-endian machine");
            // A count over int.MaxValue is more than any file holds: Take reports it as truncated.
            return MemoryMarshal.Cast<byte, T>(Take(count > int.MaxValue ? long.MaxValue : Unsafe.SizeOf<T>() * count, what)).ToArray();
        }

        public (int, int)[] Pairs(string what, int n, int m)
        {
            int count = Int32($"n{what}");
            if (count < 0)
                throw new InstanceFormatException($"n{what} is negative");
            var flat = Int32s(2L * count, what);
            var pairs = new (int, int)[count];
            for (int k = 0; k < count; k++)
            {
                int i = flat[2 * k], j = flat[(2 * k) + 1];
                if ((uint)i >= (uint)n || (uint)j >= (uint)m)
                    throw new InstanceFormatException($"{what} pair ({i}, {j}) is out of range");
                pairs[k] = (i, j);
            }
            return pairs;
        }
    }
}
