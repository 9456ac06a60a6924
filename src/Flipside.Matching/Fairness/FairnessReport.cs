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
    /// <paramref name="scoreMargin"/> (relative, e.g. 0.1 = ten per cent) below the overall mean.
    /// </summary>
    public static FairnessReport Build(IReadOnlyList<FairnessEntry> entries, double rateMargin = 0.1, double scoreMargin = 0.1)
    {
        var matched = entries.Where(e => e.Matched).ToList();
        double rate = entries.Count == 0 ? 0 : (double)matched.Count / entries.Count;
        double mean = matched.Count == 0 ? 0 : matched.Average(e => (double)e.Score);
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
                var scores = group.Where(e => e.Matched).Select(e => (double)e.Score).Order().ToList();
                double groupRate = (double)scores.Count / group.Count();
                double groupMean = scores.Count == 0 ? 0 : scores.Average();
                double median = scores.Count == 0 ? 0 : scores.Count % 2 == 1
                    ? scores[scores.Count / 2] : (scores[(scores.Count / 2) - 1] + scores[scores.Count / 2]) / 2;
                groups.Add(new GroupOutcome(name, group.Key, group.Count(), scores.Count, groupRate, groupMean, median,
                    groupRate < rate - rateMargin, scores.Count > 0 && groupMean < mean * (1 - scoreMargin)));
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
}
