using System.Diagnostics;
using Flipside.Matching;
using Flipside.Matching.Profiles;

namespace Flipside.Benchmarks;

/// <summary>End-to-end benchmarks from profiles: score, prune, solve, prove, explain.</summary>
public static class CohortCommands
{
    /// <summary>`profiles`: one large cohort matched from profiles.</summary>
    public static int Profiles(Arguments args)
    {
        var request = CohortGenerator.Request(args.Int("mentees", 10_000), args.Int("mentors", 50_000), args.Int("seed", 7));
        // The generator's garbage is not the engine's cost: start the timed run from a collected heap.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = Matcher.Match(request);
        double ms = clock.Elapsed.TotalMilliseconds;
        // Processor time on all threads: on a busy shared machine it says what the run cost when the wall clock cannot.
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(Json.Line(
            ("mentees", request.Mentees.Count), ("mentors", request.Mentors.Count),
            ("matched", result.Pairings.Count), ("total_score", result.TotalScore.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("proven_optimal", result.ProvenOptimal), ("rounds", result.Rounds),
            ("total_ms", ms), ("cpu_ms", cpuMs), ("peak_rss_mb", SolveCommand.PeakRssMb())));
        return 0;
    }

    /// <summary>`resolve`: a cohort matched once, then again after a weight change (the figure is the second run).</summary>
    public static int Resolve(Arguments args)
    {
        int size = args.Int("size", 500), reps = args.Int("reps", 5);
        var first = CohortGenerator.Request(size, size, args.Int("seed", 11));
        Matcher.Match(first);
        var times = new double[reps];
        var cpuTimes = new double[reps];
        MatchResult? result = null;
        for (int r = 0; r < reps; r++)
        {
            var changed = first with { Rules = first.Rules with { Weights = new ScoringWeights { Complementarity = 3 + r, AvailabilityOverlap = 4 } } };
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = Matcher.Match(changed);
            times[r] = clock.Elapsed.TotalMilliseconds;
            cpuTimes[r] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        }
        Console.WriteLine(Json.Line(
            ("size", size), ("matched", result!.Pairings.Count), ("proven_optimal", result.ProvenOptimal),
            ("total_ms", SolveCommand.Median(times)), ("cpu_ms", SolveCommand.Median(cpuTimes)), ("peak_rss_mb", SolveCommand.PeakRssMb())));
        return 0;
    }
}
