using System.Diagnostics;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Shared;
using Flipside.Matching;
using Microsoft.EntityFrameworkCore;

namespace Flipside.LoadBench;

/// <summary>
/// Where a run's processor time goes, stage by stage, in this process (no HTTP): compiling the cohort from the
/// database, the setup with existing pairings, the engine's own compiling of the cohort, the engine's solve alone (a preview's) and with its explanations (a run's),
/// the run's detail, the board's query, and the setup again through the compiled-cohort cache (a preview's). Eight reps, so the later ones show warm code.
/// </summary>
public static class Stages
{
    public static async Task<int> Run(string data, Guid cohort)
    {
        // One cache for all the reps, as the app keeps one: the first rep compiles into it, the later ones check the stamp.
        using var cache = new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions());
        for (var rep = 0; rep < 8; rep++)
        {
            await using var db = new SqliteFlipsideDb(new DbContextOptionsBuilder<SqliteFlipsideDb>().UseSqlite($"Data Source={Path.Combine(data, "flipside.db")}").Options);
            var viewer = Viewer.System(db, "stages");
            var w = new Cpu();
            var compiled = await CohortMatchRequest.Handle(cohort, viewer, db, default);
            var t1 = w.Ms;
            var setup = await MatchSetup.Build(cohort, new MatchWeights(), MatchObjective.MostPairs, viewer, db, default);
            var t2 = w.Ms;
            // Explaining one pair compiles the engine's cohort and scores one pair: the part of a solve that is not the assignment.
            _ = Matcher.Explain(setup!.Request, setup.Request.Mentees[0].Id, setup.Request.Mentors[0].Id);
            var tEngineCompile = w.Ms;
            var solved = Matcher.Solve(setup!.Request);
            var tSolve = w.Ms;
            var result = Matcher.Match(setup.Request);
            var t3 = w.Ms;
            var detail = RunDetail.From(setup.Compiled, setup, result);
            var json = detail.ToJson();
            var t4 = w.Ms;
            var board = await MatchingBoard.Handle(cohort, viewer, db, default);
            var t5 = w.Ms;
            _ = await MatchSetup.Build(cohort, new MatchWeights(), MatchObjective.MostPairs, viewer, db, default, cache);
            var t6 = w.Ms;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"compile {t1} ms, setup(again) {t2 - t1} ms, engine compile {tEngineCompile - t2} ms, solve {tSolve - tEngineCompile} ms ({solved.TotalScore}), match {t3 - tSolve} ms ({result.TotalScore}), detail {t4 - t3} ms ({json.Length} chars), board {t5 - t4} ms, setup with the cache {t6 - t5} ms"));
        }
        return 0;
    }
}

/// <summary>Processor time of the whole process since it was made.</summary>
internal sealed class Cpu
{
    private readonly TimeSpan _start = Process.GetCurrentProcess().TotalProcessorTime;
    public long Ms => (long)(Process.GetCurrentProcess().TotalProcessorTime - _start).TotalMilliseconds;
}
