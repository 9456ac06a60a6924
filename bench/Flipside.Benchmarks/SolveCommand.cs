using System.Diagnostics;
using System.Globalization;

namespace Flipside.Benchmarks;

/// <summary>The `solve` command of FORMAT.md: one JSON line with the objective and the median time.</summary>
public static class SolveCommand
{
    public static int Run(Arguments args)
    {
        string path = args.Required("instance");
        int reps = args.Int("reps", 1);
        int candidates = args.Int("candidates", 16);
        var load = Stopwatch.StartNew();
        var file = InstanceFile.Read(File.ReadAllBytes(path));
        double loadMs = load.Elapsed.TotalMilliseconds;

        var times = new double[reps];
        InstanceSolver.Outcome? outcome = null;
        for (int r = 0; r < reps; r++)
        {
            var clock = Stopwatch.StartNew();
            outcome = InstanceSolver.Solve(file, candidates);
            times[r] = clock.Elapsed.TotalMilliseconds;
        }
        if (args.Optional("assign-out") is { } assignPath)
            File.WriteAllLines(assignPath, outcome!.MentorOf.Select(j => j.ToString(CultureInfo.InvariantCulture)));
        Console.WriteLine(Json.Line(
            ("instance", Path.GetFileName(path)),
            ("objective", outcome!.Objective),
            ("total_ms", Median(times)),
            ("load_ms", loadMs),
            ("peak_rss_mb", PeakRssMb())));
        return 0;
    }

    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int h = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    }

    public static long PeakRssMb()
    {
        // VmHWM is the kernel's peak resident set; the portable figure is the fallback off Linux.
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }
        return Environment.WorkingSet / (1024 * 1024);
    }
}
