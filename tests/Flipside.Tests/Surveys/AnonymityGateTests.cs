using CsCheck;
using Flipside.Domain;

namespace Flipside.Tests.Surveys;

/// <summary>The one gate: no figure from fewer than k people, and no two figures whose difference describes fewer than k.</summary>
public sealed class AnonymityGateTests
{
    private static RespondentGroup<string> Group(string key, params int[] people) => new(key, people.Select(p => $"p{p}").ToHashSet());

    [Fact]
    public void AGroupUnderK_IsHidden_WithTheSentence()
    {
        var gated = Anonymity.Gate([Group("small", 1, 2, 3, 4), Group("big", 1, 2, 3, 4, 5)], 5);
        Assert.Equal(Anonymity.TooFew(5), gated[0].HiddenBecause);
        Assert.True(gated[1].Shown);
    }

    [Fact]
    public void TwoGroupsDifferingByFewerThanK_ShowOnlyTheLarger()
    {
        // Everyone (7) and everyone but one (6): subtracting would give that one person's answer.
        var gated = Anonymity.Gate([Group("all but one", 1, 2, 3, 4, 5, 6), Group("all", 1, 2, 3, 4, 5, 6, 7)], 5);
        Assert.Equal(Anonymity.WouldDifference(5), gated[0].HiddenBecause);
        Assert.True(gated[1].Shown);
    }

    [Fact]
    public void GroupsDifferingByNobodyOrByAtLeastK_AreAllShown()
    {
        var gated = Anonymity.Gate([Group("all", Enumerable.Range(1, 10).ToArray()), Group("same", Enumerable.Range(1, 10).ToArray()),
            Group("half", 1, 2, 3, 4, 5), Group("other half", 6, 7, 8, 9, 10)], 5);
        Assert.All(gated, g => Assert.True(g.Shown));
    }

    [Fact]
    public void AWholeMinusItsShownParts_NeverLeavesFewerThanK()
    {
        // A program of 11 and two waves of 5: the third wave's single person would be the program minus the two.
        var gated = Anonymity.Gate([Group("program", Enumerable.Range(1, 11).ToArray()), Group("pilot", 1, 2, 3, 4, 5),
            Group("wave 2", 6, 7, 8, 9, 10), Group("wave 3", 11)], 5);
        Assert.True(gated[0].Shown);
        Assert.Equal(1, gated.Skip(1).Take(2).Count(g => g.Shown));
        Assert.Equal(Anonymity.WouldDifference(5), gated[2].HiddenBecause ?? gated[1].HiddenBecause);
        Assert.False(gated[3].Shown);
    }

    [Fact]
    public void TheThreshold_IsNeverBelowThree_AndCommentsNeedTen()
    {
        Assert.False(Anonymity.ThresholdRule.Allows(2));
        Assert.True(Anonymity.ThresholdRule.Allows(3));
        Assert.Equal(10, Anonymity.CommentsThreshold(5));
        Assert.Equal(12, Anonymity.CommentsThreshold(12));
    }

    /// <summary>
    /// Random organisations: people with a role, a cohort and a department; every filter combination of those is a
    /// candidate figure. Whatever the sizes, each shown figure has at least k people and no two shown differ by 1..k−1.
    /// </summary>
    [Fact]
    public void EveryShownGroup_HasAtLeastK_AndNoTwoShownGroupsDifferByFewerThanK()
    {
        var person = Gen.Select(Gen.Int[0, 1], Gen.Int[0, 2], Gen.Int[0, 3]);
        Gen.Select(person.Array[0, 60], Gen.Int[3, 8]).Sample((people, k) =>
        {
            var groups = new List<RespondentGroup<string>>();
            foreach (var role in new int?[] { null, 0, 1 })
                foreach (var cohort in new int?[] { null, 0, 1, 2 })
                    foreach (var dept in new int?[] { null, 0, 1, 2, 3 })
                        groups.Add(new($"{role}/{cohort}/{dept}", people.Select((p, i) => (p, i))
                            .Where(x => (role is null || x.p.Item1 == role) && (cohort is null || x.p.Item2 == cohort) && (dept is null || x.p.Item3 == dept))
                            .Select(x => $"p{x.i}").ToHashSet()));
            var gated = Anonymity.Gate(groups, k);
            var shown = gated.Select((g, i) => (g, groups[i].Respondents)).Where(x => x.g.Shown).Select(x => x.Respondents).ToList();
            if (shown.Any(whole => LeavesFewerThanK(whole, [.. shown.Where(p => p.Count < whole.Count && p.IsSubsetOf(whole))], [], 0, k))) return false;
            foreach (var a in shown)
            {
                if (a.Count < k) return false;
                foreach (var b in shown)
                {
                    int aOnly = a.Count(x => !b.Contains(x)), bOnly = b.Count(x => !a.Contains(x));
                    if (aOnly > 0 && aOnly < k || bOnly > 0 && bOnly < k) return false;
                }
            }
            return gated.Count == groups.Count;
        }, iter: 300);
    }

    [Fact]
    public void TwoGroupsAndTheirUnion_DoNotGiveAwayTheirSmallOverlap()
    {
        // A (8) and B (8) share two people; A + B − (A∪B) is those two. The union and one of them stay.
        var gated = Anonymity.Gate([Group("A∪B", Enumerable.Range(1, 14).ToArray()), Group("A", Enumerable.Range(1, 8).ToArray()),
            Group("B", Enumerable.Range(7, 8).ToArray())], 5);
        Assert.True(gated[0].Shown);
        Assert.True(gated[1].Shown);
        Assert.Equal(Anonymity.WouldDifference(5), gated[2].HiddenBecause);
    }

    [Fact]
    public void ATotalBesideAllButOneOfItsCells_HidesOneMoreCell_AndNoMore()
    {
        // Cells of 6, 6, 5 and 2 under a total of 19: the 2 are too few, and the total minus the other three would be them.
        var gated = Anonymity.Gate([Group("total", Enumerable.Range(1, 19).ToArray()), Group("a", 1, 2, 3, 4, 5, 6), Group("b", 7, 8, 9, 10, 11, 12),
            Group("c", 13, 14, 15, 16, 17), Group("d", 18, 19)], 5);
        Assert.Equal([true, true, true, false, false], gated.Select(g => g.Shown));
        Assert.Equal(Anonymity.WouldDifference(5), gated[3].HiddenBecause);
        Assert.Equal(Anonymity.TooFew(5), gated[4].HiddenBecause);
    }

    [Fact]
    public void OverlappingGroupsWhoseCombinationsAreAllLarge_AreAllShown()
    {
        // Two halves that share 5 and their union: every sum or difference of them covers at least 5 people.
        var gated = Anonymity.Gate([Group("all", Enumerable.Range(1, 20).ToArray()), Group("first", Enumerable.Range(1, 12).ToArray()),
            Group("second", Enumerable.Range(8, 13).ToArray())], 5);
        Assert.All(gated, g => Assert.True(g.Shown));
    }

    /// <summary>
    /// Random overlapping groups of random sizes (random subsets, unions of earlier groups, and blocks that partition the
    /// people like a report's cells): whatever the gate shows, adding and subtracting any of the shown figures never
    /// covers exactly 1..k−1 people, checked by trying every choice of +1, 0 or −1 for each shown group.
    /// </summary>
    [Fact]
    public void NoSumOrDifferenceOfShownGroups_DescribesFewerThanK()
    {
        Gen.Select(Gen.Int[3, 7], Gen.Int[0, 36], Gen.Int[2, 7], Gen.Int).Sample((k, people, count, seed) =>
        {
            var random = new Random(seed);
            var groups = new List<HashSet<int>>();
            for (var g = 0; g < count; g++)
            {
                var kind = groups.Count >= 2 ? random.Next(3) : random.Next(2) * 2;
                if (kind == 1) groups.Add([.. groups[random.Next(groups.Count)], .. groups[random.Next(groups.Count)]]);
                else if (kind == 2)
                {
                    var from = random.Next(people + 1);
                    groups.Add([.. Enumerable.Range(from, random.Next(people - from + 1))]);
                }
                else
                {
                    var p = random.NextDouble();
                    groups.Add([.. Enumerable.Range(0, people).Where(_ => random.NextDouble() < p)]);
                }
            }
            var gated = Anonymity.Gate(groups.Select((g, i) => new RespondentGroup<int>(i, g.Select(x => $"p{x}").ToHashSet())), k);
            var shown = groups.Where((_, i) => gated[i].Shown).ToList();
            return shown.All(g => g.Count >= k) && !Derivable(shown, people, k);
        }, iter: 400);
    }

    /// <summary>Whether some Σ cᵢ·Gᵢ with every cᵢ in {−1, 0, 1} is, person by person, 0 or 1 for 1..k−1 people.</summary>
    private static bool Derivable(List<HashSet<int>> shown, int people, int k)
    {
        var coefficients = new int[shown.Count];
        for (var combination = 1; combination < (int)Math.Pow(3, shown.Count); combination++)
        {
            var rest = combination;
            for (var i = 0; i < shown.Count; i++, rest /= 3) coefficients[i] = rest % 3 - 1;
            var covered = 0;
            var indicator = true;
            for (var person = 0; person < people && indicator; person++)
            {
                var total = 0;
                for (var i = 0; i < shown.Count; i++) if (shown[i].Contains(person)) total += coefficients[i];
                if (total == 1) covered++;
                else if (total != 0) indicator = false;
            }
            if (indicator && covered > 0 && covered < k) return true;
        }
        return false;
    }

    /// <summary>Whether some non-overlapping choice of the parts leaves 1..k−1 people of the whole: every choice is tried.</summary>
    private static bool LeavesFewerThanK(IReadOnlySet<string> whole, List<IReadOnlySet<string>> parts, List<IReadOnlySet<string>> chosen, int from, int k)
    {
        var left = whole.Count - chosen.Sum(c => c.Count);
        if (chosen.Count > 0 && left is > 0 && left < k) return true;
        for (var i = from; i < parts.Count; i++)
            if (!chosen.Any(c => c.Overlaps(parts[i])) && LeavesFewerThanK(whole, parts, [.. chosen, parts[i]], i + 1, k)) return true;
        return false;
    }
}
