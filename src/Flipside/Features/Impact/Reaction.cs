using Flipside.Domain;
using static Flipside.Features.Impact.ImpactView;

namespace Flipside.Features.Impact;

/// <summary>
/// The reaction level: the pulses after meetings (averaged over answers, counted by distinct pseudonyms) and the
/// final survey's satisfaction and recommendation. Each figure is gated together with the program's and every wave's
/// figure of the same measure: the program's report shows the whole and each wave's report its slice, so the whole
/// minus all but one wave would otherwise describe the last, however small.
/// </summary>
public static class Reaction
{
    public static ReactionLevel Of(ImpactData data, Guid? wave, int k)
    {
        var waves = data.Waves;
        var useful = Pulse(data.Pulses, wave, waves, p => p.Useful, k);
        var open = Pulse(data.Pulses, wave, waves, p => p.SpokeOpenly, k);

        var finals = data.Surveys.Where(s => s.Kind == SurveyKind.Final).ToDictionary(s => s.Id);
        var answered = data.Responses.Where(r => finals.ContainsKey(r.SurveyId)).Select(r => (Survey: finals[r.SurveyId], Response: r)).ToList();
        var satisfaction = answered.Select(a => (a.Survey.CohortId, a.Response.Pseudonym, Score: Satisfaction(a.Survey, a.Response))).Where(x => x.Score is not null).ToList();
        var recommend = answered.Select(a => (a.Survey.CohortId, a.Response.Pseudonym, Value: Recommend(a.Survey, a.Response))).Where(x => x.Value is not null).ToList();

        var satisfied = Average([.. satisfaction.Select(x => (x.CohortId, x.Pseudonym, x.Score!.Value))], wave, waves, k);
        var mine = recommend.Where(x => wave is null || x.CohortId == wave).ToList();
        var hidden = Hidden([.. recommend.Select(x => (x.CohortId, x.Pseudonym))], wave, waves, k);
        var values = mine.Select(x => x.Value!.Value).ToList();
        var promoters = hidden is not null ? new Promoters(hidden, null, null, null, null)
            : new Promoters(null, values.Count, Math.Round(ImpactStatistics.NetPromoter(values), 2), Math.Round(100.0 * values.Count(v => v >= 9) / values.Count, 2),
                Math.Round(100.0 * values.Count(v => v <= 6) / values.Count, 2));
        return new(useful, open, satisfied, promoters);
    }

    /// <summary>A pulse average: pseudonyms change monthly, so people are counted month by month (<see cref="Anonymity.GateByPeriod"/>).</summary>
    private static Average Pulse(IReadOnlyList<PulseAnswer> pulses, Guid? wave, IReadOnlyList<Cohort> waves, Func<PulseAnswer, int?> value, int k)
    {
        var answered = pulses.Where(p => value(p) is not null).ToList();
        var mine = answered.Where(p => wave is null || p.CohortId == wave).ToList();
        static IReadOnlyDictionary<DateOnly, IReadOnlySet<string>> Slices(IEnumerable<PulseAnswer> rows) =>
            rows.GroupBy(p => p.Month).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)Gating.Set(g.Select(p => p.Pseudonym)));
        var groups = new List<(Guid, IReadOnlyDictionary<DateOnly, IReadOnlySet<string>>)> { (Guid.Empty, Slices(answered)) };
        groups.AddRange(waves.Select(w => (w.Id, Slices(answered.Where(p => p.CohortId == w.Id)))));
        var verdict = Anonymity.GateByPeriod(groups, k).Single(v => v.Key == (wave ?? Guid.Empty));
        return verdict.Shown ? new(null, verdict.Respondents, Math.Round(mine.Average(p => (double)value(p)!.Value), 2)) : new(verdict.HiddenBecause, null, null);
    }

    /// <summary>Why the figure of <paramref name="wave"/> (the program's when null) is hidden, gated beside the program's and every wave's.</summary>
    private static string? Hidden(IReadOnlyList<(Guid CohortId, string Pseudonym)> answers, Guid? wave, IReadOnlyList<Cohort> waves, int k)
    {
        var groups = new List<RespondentGroup<Guid>> { new(Guid.Empty, Gating.Set(answers.Select(a => a.Pseudonym))) };
        groups.AddRange(waves.Select(w => new RespondentGroup<Guid>(w.Id, Gating.Set(answers.Where(a => a.CohortId == w.Id).Select(a => a.Pseudonym)))));
        return Anonymity.Gate(groups, k).Single(v => v.Key == (wave ?? Guid.Empty)).HiddenBecause;
    }

    private static Average Average(IReadOnlyList<(Guid CohortId, string Pseudonym, double Value)> answers, Guid? wave, IReadOnlyList<Cohort> waves, int k)
    {
        var mine = answers.Where(a => wave is null || a.CohortId == wave).ToList();
        var hidden = Hidden([.. answers.Select(a => (a.CohortId, a.Pseudonym))], wave, waves, k);
        return hidden is not null ? new(hidden, null, null) : new(null, Gating.Set(mine.Select(a => a.Pseudonym)).Count, Math.Round(mine.Average(a => a.Value), 2));
    }

    /// <summary>A respondent's satisfaction: the mean of their scored satisfaction items.</summary>
    private static double? Satisfaction(Survey survey, SurveyResponse response)
    {
        var items = survey.Questions.Where(ScaleScores.IsSatisfaction).ToDictionary(q => q.Key, StringComparer.Ordinal);
        var scored = response.Answers.Where(a => items.TryGetValue(a.Key, out var q) && a.Value >= q.Min && a.Value <= q.Max)
            .Select(a => (double)items[a.Key].Scored(a.Value)).ToList();
        return scored.Count == 0 ? null : scored.Average();
    }

    private static int? Recommend(Survey survey, SurveyResponse response)
    {
        var item = survey.Questions.FirstOrDefault(ScaleScores.IsRecommend);
        return item is null ? null : response.Answers.FirstOrDefault(a => a.Key == item.Key && a.Value is >= 0 and <= 10)?.Value;
    }
}
