using Flipside.Domain;
using static Flipside.Features.Impact.ImpactView;

namespace Flipside.Features.Impact;

/// <summary>
/// The learning level: each scale's change from baseline to final, pairing a person's two answers by their pseudonym
/// within their cohort, and the then-test on the same people. The program's figure, its then-test and each wave's
/// figure go through <see cref="Anonymity.Gate"/> together, so no two of them differ by fewer than k people.
/// </summary>
public static class Learning
{
    private sealed record Pair(Guid CohortId, string Pseudonym, double Baseline, double Final, double? Then);

    /// <summary>Scale scores of every response, by survey kind: (cohort, pseudonym) → now and then scores.</summary>
    public sealed record Scores(
        IReadOnlyDictionary<(Guid CohortId, string Pseudonym), Dictionary<string, double>> Baseline,
        IReadOnlyDictionary<(Guid CohortId, string Pseudonym), (Dictionary<string, double> Now, Dictionary<string, double> Then)> Final,
        IReadOnlyList<string> Scales);

    public static Scores Score(ImpactData data)
    {
        var baseline = new Dictionary<(Guid, string), Dictionary<string, double>>();
        var final = new Dictionary<(Guid, string), (Dictionary<string, double>, Dictionary<string, double>)>();
        var surveys = data.Surveys.Where(s => s.Kind is SurveyKind.Baseline or SurveyKind.Final).ToDictionary(s => s.Id);
        var items = surveys.Values.ToDictionary(s => s.Id, ScaleScores.Items);
        foreach (var response in data.Responses)
        {
            if (!surveys.TryGetValue(response.SurveyId, out var survey)) continue;
            var (now, then) = ScaleScores.Score(items[survey.Id], response.Answers);
            if (survey.Kind == SurveyKind.Baseline) baseline[(survey.CohortId, response.Pseudonym)] = now;
            else final[(survey.CohortId, response.Pseudonym)] = (now, then);
        }
        var order = data.Waves.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var scales = surveys.Values.Where(s => s.Kind == SurveyKind.Final).OrderBy(s => order.GetValueOrDefault(s.CohortId))
            .SelectMany(ScaleScores.LearningScales).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new(baseline, final, scales);
    }

    /// <summary>The program's scale changes and each wave's, gated together.</summary>
    public static (IReadOnlyList<ScaleChange> Program, IReadOnlyDictionary<Guid, List<WaveScale>> Waves) Changes(Scores scores, IReadOnlyList<Cohort> waves, int k)
    {
        var program = new List<ScaleChange>();
        var byWave = waves.ToDictionary(w => w.Id, _ => new List<WaveScale>());
        foreach (var scale in scores.Scales)
        {
            var pairs = Pairs(scores, scale);
            var verdicts = Gate(scores, scale, pairs, waves, k);
            program.Add(Scale(scale, pairs, verdicts[0].HiddenBecause, verdicts[1].HiddenBecause));
            for (var i = 0; i < waves.Count; i++)
            {
                var wave = waves[i];
                var hidden = verdicts[i + 2].HiddenBecause;
                var mine = pairs.Where(p => p.CohortId == wave.Id).Select(p => p.Final - p.Baseline).ToList();
                byWave[wave.Id].Add(new(scale, hidden, hidden is null ? Change.Of(ImpactStatistics.Paired(mine)!) : null));
            }
        }
        return (program, byWave);
    }

    private static ScaleChange Scale(string scale, List<Pair> pairs, string? hidden, string? thenHidden)
    {
        if (hidden is not null) return new(scale, hidden, null, null, null, null);
        var change = Change.Of(ImpactStatistics.Paired([.. pairs.Select(p => p.Final - p.Baseline)])!);
        var then = pairs.Where(p => p.Then is not null).ToList();
        if (thenHidden is not null) return new(scale, null, change, then.Count == 0 ? NoThenItems : thenHidden, null, null);
        return new(scale, null, change, null,
            Change.Of(ImpactStatistics.Paired([.. then.Select(p => p.Final - p.Then!.Value)])!),
            Change.Of(ImpactStatistics.Paired([.. then.Select(p => p.Then!.Value - p.Baseline)])!));
    }

    /// <summary>
    /// The figures of one scale in the program, gated as one set (<see cref="Anonymity.GateAsOne"/>): index 0 is the
    /// program's change, 1 its then-test, then one per wave in date order, then each closed survey's result for everyone
    /// (the baseline's, the final's and its "looking back"), as the survey's results page shows them.
    /// </summary>
    private static IReadOnlyList<Gated<int>> Gate(Scores scores, string scale, List<Pair> pairs, IReadOnlyList<Cohort> waves, int k)
    {
        var groups = new List<RespondentGroup<int>>
        {
            new(0, Gating.Set(pairs.Select(p => p.Pseudonym))),
            new(1, Gating.Set(pairs.Where(p => p.Then is not null).Select(p => p.Pseudonym))),
        };
        groups.AddRange(waves.Select((w, i) => new RespondentGroup<int>(i + 2, Gating.Set(pairs.Where(p => p.CohortId == w.Id).Select(p => p.Pseudonym)))));
        var results = new List<IReadOnlySet<string>>();
        foreach (var wave in waves)
        {
            results.Add(Gating.Set(scores.Baseline.Where(b => b.Key.CohortId == wave.Id && b.Value.ContainsKey(scale)).Select(b => b.Key.Pseudonym)));
            results.Add(Gating.Set(scores.Final.Where(f => f.Key.CohortId == wave.Id && f.Value.Now.ContainsKey(scale)).Select(f => f.Key.Pseudonym)));
            results.Add(Gating.Set(scores.Final.Where(f => f.Key.CohortId == wave.Id && f.Value.Then.ContainsKey(scale)).Select(f => f.Key.Pseudonym)));
        }
        groups.AddRange(results.Where(r => r.Count > 0).Select((r, i) => new RespondentGroup<int>(waves.Count + 2 + i, r)));
        return Anonymity.GateAsOne(groups, k);
    }

    /// <summary>
    /// The scales whose set of figures is hidden because one of them would be differenced, with the sentence: the
    /// survey results page hides those scales too, so no page shows a figure of a set another page withholds.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Withheld(Scores scores, IReadOnlyList<Cohort> waves, int k)
    {
        var withheld = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var scales = scores.Baseline.Values.SelectMany(b => b.Keys).Concat(scores.Final.Values.SelectMany(f => f.Now.Keys.Concat(f.Then.Keys)))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var scale in scales)
            if (Gate(scores, scale, Pairs(scores, scale), waves, k).FirstOrDefault(v => v.HiddenBecause == Anonymity.WouldDifference(k)) is { } hidden)
                withheld[scale] = hidden.HiddenBecause!;
        return withheld;
    }

    public const string NoThenItems = "No retrospective \"then\" answers for this scale.";

    private static List<Pair> Pairs(Scores scores, string scale)
    {
        var pairs = new List<Pair>();
        foreach (var (key, (now, then)) in scores.Final)
        {
            if (!now.TryGetValue(scale, out var final) || !scores.Baseline.TryGetValue(key, out var before) || !before.TryGetValue(scale, out var baseline)) continue;
            pairs.Add(new(key.CohortId, key.Pseudonym, baseline, final, then.TryGetValue(scale, out var t) ? t : null));
        }
        return pairs;
    }
}
