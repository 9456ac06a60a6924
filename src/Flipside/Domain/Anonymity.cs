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
    /// Gates groups of respondents (each a set of pseudonymous keys). The largest groups are considered first, so the
    /// overall figure survives and the small slices give way. A group is shown when it has at least k members and,
    /// against every group already shown, each side's difference is either nobody or at least k people; and no shown
    /// group minus any set of its shown, non-overlapping parts leaves between 1 and k−1 people.
    /// </summary>
    public static IReadOnlyList<Gated<TKey>> Gate<TKey>(IEnumerable<RespondentGroup<TKey>> groups, int k)
    {
        var list = groups.ToList();
        var verdicts = new Gated<TKey>[list.Count];
        var shown = new List<IReadOnlySet<string>>();
        foreach (var index in Enumerable.Range(0, list.Count).OrderByDescending(i => list[i].Respondents.Count))
        {
            var group = list[index];
            string? reason = group.Respondents.Count < k ? TooFew(k)
                : shown.Any(other => Differs(group.Respondents, other, k)) ? WouldDifference(k)
                : null;
            if (reason is null) shown.Add(group.Respondents);
            verdicts[index] = new Gated<TKey>(group.Key, group.Respondents.Count, reason);
        }
        // A whole minus several of its shown parts is a figure too: with k = 5, a program of 11 shown next to two waves
        // of 5 describes the eleventh person. Hide the smallest such part until no whole leaves 1..k−1 people over.
        while (RemainderTooSmall(shown, k) is { } part)
        {
            shown.Remove(part);
            var index = Enumerable.Range(0, list.Count).First(i => verdicts[i].Shown && ReferenceEquals(list[i].Respondents, part));
            verdicts[index] = verdicts[index] with { HiddenBecause = WouldDifference(k) };
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

    /// <summary>
    /// The smallest part of the first shown group that some pairwise-disjoint set of its shown parts leaves 1..k−1
    /// people short of, or null when none does.
    /// </summary>
    private static IReadOnlySet<string>? RemainderTooSmall(List<IReadOnlySet<string>> shown, int k)
    {
        foreach (var whole in shown)
        {
            var parts = shown.Where(p => p.Count < whole.Count && p.IsSubsetOf(whole)).OrderByDescending(p => p.Count).ToList();
            if (DisjointShort(whole.Count, parts, 0, [], k) is { } found) return found.MinBy(p => p.Count);
        }
        return null;
    }

    private static List<IReadOnlySet<string>>? DisjointShort(int wholeCount, List<IReadOnlySet<string>> parts, int from, List<IReadOnlySet<string>> chosen, int k)
    {
        var left = wholeCount - chosen.Sum(c => c.Count);
        if (chosen.Count > 0 && left > 0 && left < k) return [.. chosen];
        for (var i = from; i < parts.Count; i++)
        {
            if (chosen.Any(c => c.Overlaps(parts[i]))) continue;
            chosen.Add(parts[i]);
            var found = DisjointShort(wholeCount, parts, i + 1, chosen, k);
            chosen.RemoveAt(chosen.Count - 1);
            if (found is not null) return found;
        }
        return null;
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
