namespace Flipside.Domain;

/// <summary>
/// The one place that decides whether an aggregate may be seen. Every page, chart, export and endpoint that shows a
/// number drawn from people's answers (or counts of who raised what) passes its groups through here: a group is shown
/// only with at least k respondents, and never next to another visible group that differs from it by fewer than k
/// people, since subtracting the two would describe those few.
/// </summary>
public static class Anonymity
{
    public const int DefaultThreshold = 5;
    public const int MinimumThreshold = 3;
    /// <summary>Free-text comments identify people by their words, so they need more voices around them.</summary>
    public const int CommentThreshold = 10;
    public static readonly IntRule ThresholdRule = new(MinimumThreshold, 100, "The anonymity threshold is 3 to 100 respondents.");

    public static string TooFew(int k) =>
        $"Not reportable: fewer than {k} people answered, and a smaller group could identify someone.";

    public static string WouldDifference(int k) =>
        $"Not shown: together with another figure on this page it would describe fewer than {k} people by subtraction.";

    /// <summary>The threshold for free-text comments under a survey's k.</summary>
    public static int CommentsThreshold(int k) => Math.Max(k, CommentThreshold);

    public static bool Reportable(int respondents, int k) => respondents >= k;

    /// <summary>
    /// Gates groups of respondents (each a set of pseudonymous keys): every figure of one view, report or export, the
    /// total and all its cells, in one call. The largest groups are considered first, so the overall figure survives and
    /// the small slices give way, and each is kept only if it hides nothing: it has at least k members; against every
    /// group already shown, each side's difference is nobody or at least k people; and no sum or difference of any of
    /// the figures shown with it describes 1 to k−1 people (<see cref="Differencing"/>: A, B and A∪B give A∩B; a total
    /// and all but one of its cells give the last). A group that would is hidden with the sentence saying why, so only
    /// the figures that must go are withheld.
    /// </summary>
    public static IReadOnlyList<Gated<TKey>> Gate<TKey>(IEnumerable<RespondentGroup<TKey>> groups, int k)
    {
        var list = groups.ToList();
        var verdicts = new Gated<TKey>[list.Count];
        var differencing = new Differencing([.. list.Select(g => g.Respondents)]);
        var shown = new List<int>();
        foreach (var index in Enumerable.Range(0, list.Count).OrderByDescending(i => list[i].Respondents.Count).ThenBy(i => i))
        {
            var group = list[index];
            string? reason = group.Respondents.Count < k ? TooFew(k)
                : shown.Any(other => Differs(group.Respondents, list[other].Respondents, k)) || differencing.LetsDeriveFewerThan([.. shown, index], k)
                    ? WouldDifference(k)
                : null;
            if (reason is null) shown.Add(index);
            verdicts[index] = new Gated<TKey>(group.Key, group.Respondents.Count, reason);
        }
        return verdicts;
    }

    /// <summary>
    /// Gates figures that stand or fall together: the figures of one scale in one program, wherever they are shown
    /// (each survey's result, the impact report's change, its then-test, its waves). Shown on different pages, any two
    /// of them could be subtracted; so when the gate hides one to stop a subtraction, it hides all of them, each with
    /// the same sentence. A figure hidden only for having too few people does not take the others with it.
    /// </summary>
    public static IReadOnlyList<Gated<TKey>> GateAsOne<TKey>(IEnumerable<RespondentGroup<TKey>> groups, int k)
    {
        var verdicts = Gate(groups, k);
        var why = WouldDifference(k);
        return verdicts.Any(v => v.HiddenBecause == why) ? [.. verdicts.Select(v => v with { HiddenBecause = why })] : verdicts;
    }

    /// <summary>
    /// Gates groups of people counted per period, such as pulses, whose pseudonym changes every month: the same code in
    /// two months may be two people or one. Each period is gated on its own, every group's slice of it beside the
    /// others'; a group spanning several periods is shown only when every slice of it was, so any difference between
    /// two shown groups is, in each period, nobody or at least k people. Its count is its largest slice: at least that
    /// many different people are behind it.
    /// </summary>
    public static IReadOnlyList<Gated<TKey>> GateByPeriod<TKey, TPeriod>(IReadOnlyList<(TKey Key, IReadOnlyDictionary<TPeriod, IReadOnlySet<string>> Slices)> groups, int k)
        where TPeriod : notnull
    {
        var hidden = new string?[groups.Count];
        foreach (var period in groups.SelectMany(g => g.Slices.Keys).Distinct())
        {
            var present = Enumerable.Range(0, groups.Count).Where(i => groups[i].Slices.ContainsKey(period)).ToList();
            var verdicts = Gate(present.Select(i => new RespondentGroup<int>(i, groups[i].Slices[period])), k);
            foreach (var v in verdicts.Where(v => !v.Shown)) hidden[v.Key] ??= v.HiddenBecause;
        }
        return [.. groups.Select((g, i) => new Gated<TKey>(g.Key, g.Slices.Count == 0 ? 0 : g.Slices.Values.Max(s => s.Count),
            g.Slices.Count == 0 ? TooFew(k) : hidden[i]))];
    }

    /// <summary>True when one set minus the other leaves between 1 and k−1 people, in either direction.</summary>
    public static bool Differs(IReadOnlySet<string> a, IReadOnlySet<string> b, int k)
    {
        int aOnly = a.Count(x => !b.Contains(x)), bOnly = b.Count(x => !a.Contains(x));
        return aOnly is > 0 && aOnly < k || bOnly is > 0 && bOnly < k;
    }
}

/// <summary>One candidate figure: its label or key and the pseudonymous respondents behind it.</summary>
public sealed record RespondentGroup<TKey>(TKey Key, IReadOnlySet<string> Respondents);

/// <summary>The verdict on one group: shown, or hidden with the sentence that says why.</summary>
public sealed record Gated<TKey>(TKey Key, int Respondents, string? HiddenBecause)
{
    public bool Shown => HiddenBecause is null;
}
