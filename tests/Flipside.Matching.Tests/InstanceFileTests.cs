using System.Diagnostics;
using System.Text;
using Flipside.Benchmarks;

namespace Flipside.Matching.Tests;

/// <summary>Bad instance files get one clear error naming what is wrong, never an overflow or a poisoned solve.</summary>
public class InstanceFileTests
{
    [Fact]
    public void Read_ValidDenseFile_ReadsBack()
    {
        var file = InstanceFile.Read(new Instance().Bytes());

        Assert.Equal((2, 2, false), (file.Mentees, file.Mentors, file.Sparse));
        Assert.Equal("13", InstanceSolver.Solve(file).Objective);
    }

    public static TheoryData<string, string> OutOfRange() => new()
    {
        { "forbidden", "forbidden pair (2, 0) is out of range" },
        { "locked", "locked pair (0, -1) is out of range" },
        { "col", "col 7 of mentee 1 is out of range 0..1" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Read_IndexOutOfRange_NamesThePair(string where, string message)
    {
        var instance = where switch
        {
            "forbidden" => new Instance { Forbidden = [(2, 0)] },
            "locked" => new Instance { Locked = [(0, -1)] },
            _ => Instance.Sparse(rowPtr: [0, 1, 2], col: [0, 7], scores: [1, 2]),
        };

        var error = Assert.Throws<InstanceFormatException>(() => InstanceFile.Read(instance.Bytes()));

        Assert.Equal(message, error.Message);
    }

    // Counts in the header far beyond what the file holds used to overflow an int (OverflowException).
    public static TheoryData<string, string> OverflowHeaders() => new()
    {
        { "nnz", "nnz 1099511627776 is too large" },
        { "nForbidden", "file is truncated in forbidden" },
        { "nLocked", "file is truncated in locked" },
        { "nMentees", "file is truncated in rowPtr" },
    };

    [Theory]
    [MemberData(nameof(OverflowHeaders))]
    public void Read_HugeCountInHeader_NamesTheField(string field, string message)
    {
        var instance = field switch
        {
            "nnz" => Instance.Sparse(rowPtr: [0, 1, 2], col: [0, 1], scores: [1, 2]) with { Nnz = 1L << 40 },
            "nForbidden" => new Instance { ForbiddenCount = int.MaxValue },
            "nLocked" => new Instance { LockedCount = int.MaxValue },
            _ => Instance.Sparse(rowPtr: [0], col: [], scores: []) with { Mentees = int.MaxValue },
        };

        var error = Assert.Throws<InstanceFormatException>(() => InstanceFile.Read(instance.Bytes()));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<double, bool> NonFinite() => new()
    {
        { double.NaN, false },
        { double.PositiveInfinity, false },
        { double.NegativeInfinity, true },
    };

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void Read_NonFiniteFloatScore_NamesThePair(double value, bool sparse)
    {
        var instance = sparse
            ? Instance.Sparse(rowPtr: [0, 1, 3], col: [0, 0, 1], scores: [1, 2, 3]) with { FloatScores = [1, 2, value] }
            : new Instance { FloatScores = [1, 2, value, 4] };

        var error = Assert.Throws<InstanceFormatException>(() => InstanceFile.Read(instance.Bytes()));

        Assert.StartsWith("score of mentee 1 and mentor ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("scores must be finite", error.Message, StringComparison.Ordinal);
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_PairLockedAndForbidden_IsRefused()
    {
        var file = InstanceFile.Read(new Instance { Forbidden = [(1, 0)], Locked = [(1, 0)] }.Bytes());

        var error = Assert.Throws<InstanceFormatException>(() => InstanceSolver.Solve(file));

        Assert.Equal("pair (1, 0) is both locked and forbidden", error.Message);
    }

    public static TheoryData<string> BadFiles() => ["magic", "nnz", "nForbidden", "nan", "locked and forbidden"];

    // The process boundary: the solve command prints one line on standard error and exits non-zero, never a stack trace.
    [Theory]
    [MemberData(nameof(BadFiles))]
    public void SolveCommand_BadFile_PrintsOneLineAndFails(string bad)
    {
        var bytes = bad switch
        {
            "magic" => [.. "MBINST02"u8, .. new Instance().Bytes()[8..]],
            "nnz" => (Instance.Sparse(rowPtr: [0, 1, 2], col: [0, 1], scores: [1, 2]) with { Nnz = 1L << 40 }).Bytes(),
            "nForbidden" => new Instance { ForbiddenCount = int.MaxValue }.Bytes(),
            "nan" => new Instance { FloatScores = [1, double.NaN, 3, 4] }.Bytes(),
            _ => new Instance { Forbidden = [(0, 1)], Locked = [(0, 1)] }.Bytes(),
        };
        string path = Path.Combine(Path.GetTempPath(), $"flipside-bad-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, bytes);
        try
        {
            var (exit, stdout, stderr) = RunBenchmarks("solve", "--instance", path);

            Assert.NotEqual(0, exit);
            Assert.Equal("", stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Runs the benchmark app the test project builds alongside it (same configuration), as a user would.
    private static (int Exit, string Out, string Error) RunBenchmarks(params string[] args)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = testOutput.Parent!.Name, framework = testOutput.Name;
        string? dll = null;
        for (var dir = testOutput; dir is not null && dll is null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench", "Flipside.Benchmarks", "bin", configuration, framework, "Flipside.Benchmarks.dll");
            dll = File.Exists(candidate) ? candidate : null;
        }
        Assert.True(dll is not null, $"Flipside.Benchmarks.dll ({configuration}) is not built; the test project references it so that it is");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Flipside.Benchmarks {string.Join(' ', args)} did not exit");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>An MBINST01 file laid out field by field, so a test can put any value in any field.</summary>
    private sealed record Instance
    {
        public int Kind { get; init; }
        public int Mentees { get; init; } = 2;
        public int Mentors { get; init; } = 2;
        public long? Nnz { get; init; }
        public int[] Capacities { get; init; } = [1, 1];
        public long[]? RowPtr { get; init; }
        public int[]? Col { get; init; }
        public int[] IntScores { get; init; } = [5, 1, 2, 8];
        public double[]? FloatScores { get; init; }
        public (int, int)[] Forbidden { get; init; } = [];
        public (int, int)[] Locked { get; init; } = [];
        public int? ForbiddenCount { get; init; }
        public int? LockedCount { get; init; }

        public static Instance Sparse(long[] rowPtr, int[] col, int[] scores) =>
            new() { Kind = 1, Mentees = rowPtr.Length - 1, RowPtr = rowPtr, Col = col, IntScores = scores };

        public byte[] Bytes()
        {
            using var stream = new MemoryStream();
            using var w = new BinaryWriter(stream, Encoding.ASCII);
            w.Write(Encoding.ASCII.GetBytes(InstanceFile.Magic));
            w.Write(Kind);
            w.Write(FloatScores is null ? 0 : 1);
            w.Write(Mentees);
            w.Write(Mentors);
            w.Write(Nnz ?? (Kind == 0 ? (long)Mentees * Mentors : Col!.Length));
            w.Write(42UL);
            foreach (int c in Capacities)
                w.Write(c);
            foreach (long r in RowPtr ?? [])
                w.Write(r);
            foreach (int c in Col ?? [])
                w.Write(c);
            if (FloatScores is null)
            {
                foreach (int s in IntScores)
                    w.Write(s);
            }
            else
            {
                foreach (double s in FloatScores)
                    w.Write(s);
            }
            WritePairs(w, Forbidden, ForbiddenCount);
            WritePairs(w, Locked, LockedCount);
            w.Flush();
            return stream.ToArray();
        }

        private static void WritePairs(BinaryWriter w, (int, int)[] pairs, int? count)
        {
            w.Write(count ?? pairs.Length);
            foreach (var (i, j) in pairs)
            {
                w.Write(i);
                w.Write(j);
            }
        }
    }
}
