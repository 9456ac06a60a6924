using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Graph;

namespace Flipside.Benchmarks;

/// <summary>
/// The reference: the same instance as OR-Tools min-cost flow (mentee → mentor → sink), timed the same way
/// as `solve` (building + solving + extracting, file load excluded). Float scores are scaled by 10^9 and
/// rounded, since OR-Tools costs are integers.
/// </summary>
public static class OrToolsCommand
{
    private const double FloatScale = 1e9;

    public static int Run(Arguments args)
    {
        string path = args.Required("instance");
        var file = InstanceFile.Read(File.ReadAllBytes(path));
        int reps = args.Int("reps", 1);
        var times = new double[reps];
        double objective = 0;
        for (int r = 0; r < reps; r++)
        {
            var clock = Stopwatch.StartNew();
            objective = Solve(file);
            times[r] = clock.Elapsed.TotalMilliseconds;
        }
        Console.WriteLine(Json.Line(
            ("instance", Path.GetFileName(path)),
            ("objective", file.FloatScores ? objective.ToString("R", CultureInfo.InvariantCulture) : ((long)objective).ToString(CultureInfo.InvariantCulture)),
            ("total_ms", SolveCommand.Median(times)),
            ("peak_rss_mb", SolveCommand.PeakRssMb())));
        return 0;
    }

    public static double Solve(InstanceFile file)
    {
        int n = file.Mentees, m = file.Mentors, sink = n + m;
        var flow = new MinCostFlow();
        var lockedMentor = new int[n];
        Array.Fill(lockedMentor, -1);
        var caps = (int[])file.Capacities.Clone();
        double lockedTotal = 0;
        foreach (var (i, j) in file.Locked)
        {
            lockedMentor[i] = j;
            caps[j]--;
            lockedTotal += Score(file, i, j);
        }
        var forbidden = file.Forbidden.Select(p => ((long)p.Mentee * m) + p.Mentor).ToHashSet();
        int active = 0;
        for (int i = 0; i < n; i++)
        {
            if (lockedMentor[i] >= 0)
                continue;
            active++;
            flow.SetNodeSupply(i, 1);
            long start = file.Sparse ? file.RowStart![i] : (long)i * m, end = file.Sparse ? file.RowStart![i + 1] : start + m;
            for (long e = start; e < end; e++)
            {
                int j = file.Sparse ? file.MentorIndex![e] : (int)(e - start);
                if (forbidden.Count > 0 && forbidden.Contains(((long)i * m) + j))
                    continue;
                flow.AddArcWithCapacityAndUnitCost(i, n + j, 1, -Cost(file, e));
            }
        }
        for (int j = 0; j < m; j++)
            flow.AddArcWithCapacityAndUnitCost(n + j, sink, caps[j], 0);
        flow.SetNodeSupply(sink, -active);
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
            throw new InstanceFormatException($"OR-Tools min-cost flow says {status}");
        double scale = file.FloatScores ? FloatScale : 1;
        return lockedTotal + (-flow.OptimalCost() / scale);
    }

    private static long Cost(InstanceFile file, long e) =>
        file.FloatScores ? (long)Math.Round(file.FloatScoresArray![e] * FloatScale) : file.IntScores![e];

    private static double Score(InstanceFile file, int i, int j)
    {
        long e = file.Sparse
            ? Array.BinarySearch(file.MentorIndex!, (int)file.RowStart![i], (int)(file.RowStart[i + 1] - file.RowStart[i]), j)
            : ((long)i * file.Mentors) + j;
        return e < 0 ? throw new InstanceFormatException($"locked pair ({i}, {j}) is not a listed pair")
            : file.FloatScores ? file.FloatScoresArray![e] : file.IntScores![e];
    }
}
