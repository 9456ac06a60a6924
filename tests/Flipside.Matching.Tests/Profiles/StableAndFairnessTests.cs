using Flipside.Matching.Fairness;
using Flipside.Matching.Stable;

namespace Flipside.Matching.Tests.Profiles;

public class StableAndFairnessTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 20)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StableMatch_RandomRankings_HasNoBlockingPairsAndRespectsCapacity(int seed)
    {
        var random = new Random(seed);
        var mentorIds = Enumerable.Range(0, 8).Select(k => $"r{k}").ToList();
        var menteeIds = Enumerable.Range(0, 15).Select(k => $"m{k}").ToList();
        var mentees = menteeIds.Select(id => new Ranking(id, [.. mentorIds.OrderBy(_ => random.Next()).Take(random.Next(1, 8))])).ToList();
        var mentors = mentorIds.Select(id => new Ranking(id, [.. menteeIds.OrderBy(_ => random.Next()).Take(random.Next(3, 15))], random.Next(1, 3))).ToList();

        var result = StableMatcher.Match(mentees, mentors);

        Assert.Empty(result.BlockingPairs);
        Assert.Equal(0, BlockingPairCount(mentees, mentors, result.MentorOfMentee));
        Assert.All(result.MentorOfMentee, p => Assert.True(Ranks(mentees, p.Key, p.Value) && Ranks(mentors, p.Value, p.Key), $"{p.Key}-{p.Value} is not mutual"));
        Assert.All(mentors, m => Assert.True(result.MentorOfMentee.Values.Count(v => v == m.Id) <= m.Capacity));
    }

    [Fact]
    public void BlockingPairCount_OfUnstableMatchings_IsNotZero()
    {
        var mentees = new[] { new Ranking("a", ["x", "y"]), new Ranking("b", ["x"]) };
        var oneSeat = new[] { new Ranking("x", ["a", "b"]), new Ranking("y", ["a"]) };
        var twoSeats = new[] { new Ranking("x", ["b", "a"], Capacity: 2), new Ranking("y", ["a"]) };

        // x prefers a, whom it does not hold, and a prefers x to y.
        Assert.Equal(1, BlockingPairCount(mentees, oneSeat, new Dictionary<string, string> { ["a"] = "y", ["b"] = "x" }));
        // x has a free seat that a wants more than y.
        Assert.Equal(1, BlockingPairCount(mentees, twoSeats, new Dictionary<string, string> { ["a"] = "y", ["b"] = "x" }));
        // Nobody matched, while every ranked pair is mutual.
        Assert.Equal(3, BlockingPairCount(mentees, oneSeat, new Dictionary<string, string>()));
    }

    // Counted from the definition, independently of StableMatcher.BlockingPairs: a mentee and a mentor who rank each other
    // and are not paired block the matching when the mentee has no mentor or ranks this one above its own, and the mentor
    // has a free seat or holds a mentee it ranks below this one.
    private static int BlockingPairCount(IReadOnlyList<Ranking> mentees, IReadOnlyList<Ranking> mentors, IReadOnlyDictionary<string, string> mentorOf)
    {
        static int Position(Ranking r, string id) => r.Prefers.Contains(id) ? r.Prefers.ToList().IndexOf(id) : int.MaxValue;
        int count = 0;
        foreach (var mentee in mentees)
        {
            foreach (var mentor in mentors)
            {
                if (!mentee.Prefers.Contains(mentor.Id) || !mentor.Prefers.Contains(mentee.Id)) continue;
                var own = mentorOf.GetValueOrDefault(mentee.Id);
                if (own == mentor.Id) continue;
                bool menteeWould = own is null || Position(mentee, mentor.Id) < Position(mentee, own);
                var held = mentorOf.Where(p => p.Value == mentor.Id).Select(p => p.Key).ToList();
                bool mentorWould = held.Count < mentor.Capacity || held.Any(h => Position(mentor, h) > Position(mentor, mentee.Id));
                if (menteeWould && mentorWould) count++;
            }
        }
        return count;
    }

    private static bool Ranks(IEnumerable<Ranking> side, string id, string other) => side.Single(r => r.Id == id).Prefers.Contains(other);

    [Fact]
    public void BlockingPairs_OfAnUnstableMatching_AreFound()
    {
        var mentees = new[] { new Ranking("a", ["x"]), new Ranking("b", ["x"]) };
        var mentors = new[] { new Ranking("x", ["a", "b"]) };

        var blocking = StableMatcher.BlockingPairs(mentees, mentors, new Dictionary<string, string> { ["b"] = "x" });

        Assert.Equal([new BlockingPair("a", "x")], blocking);
    }

    [Fact]
    public void Fairness_GroupWellBelowOverallRate_IsFlagged()
    {
        var entries = Enumerable.Range(0, 10).Select(k => new FairnessEntry(
            A.Mentee($"m{k}") with { Department = k < 5 ? "Sales" : "Finance", Gender = k % 2 == 0 ? "F" : "M" },
            Matched: k < 5 || k == 9, Score: 500)).ToList();

        var report = FairnessReport.Build(entries, rateMargin: 0.1);

        var flagged = Assert.Single(report.Flagged);
        Assert.Equal(("Department", "Finance"), (flagged.Dimension, flagged.Group));
        Assert.Equal(0.2, flagged.MatchRate, 9);
    }

    [Fact]
    public void Fairness_GroupWithLowMeanScore_IsFlagged()
    {
        var entries = Enumerable.Range(0, 4).Select(k => new FairnessEntry(
            A.Mentee($"m{k}") with { Location = k == 0 ? "Lagos" : "London" }, true, k == 0 ? 100 : 1000)).ToList();

        var report = FairnessReport.Build(entries, scoreMargin: 0.2);

        Assert.Equal("Lagos", Assert.Single(report.Flagged).Group);
    }

    // With a negative overall mean, "ten per cent below" lies further from zero: a group above the mean, or the
    // whole cohort at the mean, is not flagged; only the group well below it is.
    [Fact]
    public void Fairness_NegativeScores_FlagOnlyTheGroupWellBelowTheMean()
    {
        var entries = Enumerable.Range(0, 3).Select(k => new FairnessEntry(
            A.Mentee($"m{k}") with { Location = k == 2 ? "Lagos" : "London" }, true, k == 2 ? -140 : -110)).ToList();

        var report = FairnessReport.Build(entries, scoreMargin: 0.1);

        Assert.Equal(-120, report.OverallMeanScore);
        var flagged = Assert.Single(report.Flagged);
        Assert.Equal(("Location", "Lagos"), (flagged.Dimension, flagged.Group));
    }

    [Fact]
    public void Fairness_ForMentors_ReportsMentorsMatchRateAndMeanScore()
    {
        var maya = A.Mentor() with { Capacity = 2 };
        var zoe = A.Mentor("zoe", "Zoe Li") with { Department = "Sales", Grade = 20 };
        var idle = A.Mentor("idle", "Ida Le") with { Department = "Legal", Capacity = 0 };
        var request = A.Request([A.Mentee("a"), A.Mentee("b") with { Interests = ["jazz"] }], [maya with { Interests = ["jazz"] }, zoe, idle]);
        var result = Matcher.Match(request);

        var report = FairnessReport.ForMentors(request, result);

        Assert.Equal(0.5, report.OverallMatchRate);
        Assert.Equal(result.Pairings.Average(p => (double)p.Score), report.OverallMeanScore, 9);
        var sales = report.Groups.Single(g => g.Dimension == "Department" && g.Group == "Sales");
        Assert.Equal((1, 0, true), (sales.People, sales.Matched, sales.MatchRateFlag));
        Assert.DoesNotContain(report.Groups, g => g.Group == "Legal");
    }
}
