using Flipside.Matching.Profiles;

namespace Flipside.Matching.Fairness;

/// <summary>One person's outcome: matched or not, and the pairing's score.</summary>
public sealed record FairnessEntry(Participant Person, bool Matched, long Score);

/// <summary>A group's match rate and scores, and whether it falls behind the whole.</summary>
public sealed record GroupOutcome(string Dimension, string Group, int People, int Matched, double MatchRate, double MeanScore,
    double MedianScore, bool MatchRateFlag, bool MeanScoreFlag);

/// <summary>Match rate and score distribution by department, generation, location and (when given) gender.</summary>
public sealed record FairnessReport(double OverallMatchRate, double OverallMeanScore, IReadOnlyList<GroupOutcome> Groups)
{
    /// <summary>Groups flagged on either measure.</summary>
    public IEnumerable<GroupOutcome> Flagged => Groups.Where(g => g.MatchRateFlag || g.MeanScoreFlag);

    /// <summary>
    /// Builds the report. A group is flagged when its match rate is more than <paramref name="rateMargin"/>
    /// (absolute, e.g. 0.1 = ten points) below the overall rate, or its mean score among matched people is more than
    /// <paramref name="scoreMargin"/> (relative to the overall mean's size, e.g. 0.1 = ten per cent) below the overall
    /// mean: below <c>mean − |mean| × scoreMargin</c>, which holds for negative means too.
    /// </summary>
    public static FairnessReport Build(IReadOnlyList<FairnessEntry> entries, double rateMargin = 0.1, double scoreMargin = 0.1) =>
        Build([.. entries.Select(e => new Outcome(e.Person, e.Matched, e.Score))], rateMargin, scoreMargin);

    // One person's outcome with a score that may be a mean (a mentor's over its mentees).
    private readonly record struct Outcome(Participant Person, bool Matched, double Score);

    private static FairnessReport Build(IReadOnlyList<Outcome> entries, double rateMargin, double scoreMargin)
    {
        var matched = entries.Where(e => e.Matched).ToList();
        double rate = entries.Count == 0 ? 0 : (double)matched.Count / entries.Count;
        double mean = matched.Count == 0 ? 0 : matched.Average(e => e.Score);
        double meanFloor = mean - (Math.Abs(mean) * scoreMargin);
        var dimensions = new (string Name, Func<Participant, string?> Key)[]
        {
            ("Department", p => p.Department),
            ("Generation", p => p.Generation?.ToString()),
            ("Location", p => p.Location),
            ("Gender", p => p.Gender),
        };
        var groups = new List<GroupOutcome>();
        foreach (var (name, key) in dimensions)
        {
            foreach (var group in entries.Where(e => key(e.Person) is not null).GroupBy(e => key(e.Person)!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var scores = group.Where(e => e.Matched).Select(e => e.Score).Order().ToList();
                double groupRate = (double)scores.Count / group.Count();
                double groupMean = scores.Count == 0 ? 0 : scores.Average();
                double median = scores.Count == 0 ? 0 : scores.Count % 2 == 1
                    ? scores[scores.Count / 2] : (scores[(scores.Count / 2) - 1] + scores[scores.Count / 2]) / 2;
                groups.Add(new GroupOutcome(name, group.Key, group.Count(), scores.Count, groupRate, groupMean, median,
                    groupRate < rate - rateMargin, scores.Count > 0 && groupMean < meanFloor));
            }
        }
        return new FairnessReport(rate, mean, groups);
    }

    /// <summary>The report for the mentees of a match result.</summary>
    public static FairnessReport ForMentees(MatchRequest request, MatchResult result, double rateMargin = 0.1, double scoreMargin = 0.1)
    {
        var byMentee = result.Pairings.ToDictionary(p => p.MenteeId);
        return Build([.. request.Mentees.Select(p => byMentee.TryGetValue(p.Id, out var pairing)
            ? new FairnessEntry(p, true, pairing.Score) : new FairnessEntry(p, false, 0))], rateMargin, scoreMargin);
    }

    /// <summary>
    /// The report for the mentors of a match result: a mentor is matched when it has at least one mentee, and its
    /// score is the mean of its pairings' scores. Mentors with capacity zero take no mentees and are left out.
    /// </summary>
    public static FairnessReport ForMentors(MatchRequest request, MatchResult result, double rateMargin = 0.1, double scoreMargin = 0.1)
    {
        var byMentor = result.Pairings.GroupBy(p => p.MentorId).ToDictionary(g => g.Key, g => g.Average(p => (double)p.Score));
        return Build([.. request.Mentors.Where(p => p.Capacity > 0).Select(p => byMentor.TryGetValue(p.Id, out double score)
            ? new Outcome(p, true, score) : new Outcome(p, false, 0))], rateMargin, scoreMargin);
    }
}
