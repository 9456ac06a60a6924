using Flipside.Matching.Assignment;

namespace Flipside.Matching.Tests.Assignment;

/// <summary>A seeded random assignment problem with capacities, forbidden and locked pairs.</summary>
internal sealed class RandomProblem
{
    public required int Mentees { get; init; }
    public required int Mentors { get; init; }
    public required long[] Scores { get; init; }
    public required bool[] Forbidden { get; init; }
    public required int[] Capacities { get; init; }
    public required List<(int Mentee, int Mentor)> Locked { get; init; }

    public long Score(int i, int j) => Scores[(i * Mentors) + j];

    public bool Allowed(int i, int j) => !Forbidden[(i * Mentors) + j];

    public static RandomProblem Create(int seed, int maxMentees, int maxMentors, int minScore = -20, int maxScore = 100)
    {
        var random = new Random(seed);
        int n = random.Next(1, maxMentees + 1), m = random.Next(1, maxMentors + 1);
        var scores = new long[n * m];
        var forbidden = new bool[n * m];
        for (int k = 0; k < scores.Length; k++)
        {
            scores[k] = random.Next(minScore, maxScore);
            forbidden[k] = random.NextDouble() < 0.25;
        }
        var caps = Enumerable.Range(0, m).Select(_ => random.Next(0, 4)).ToArray();
        var left = (int[])caps.Clone();
        var locked = new List<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            int j = random.Next(m);
            if (random.NextDouble() < 0.1 && left[j] > 0 && !forbidden[(i * m) + j])
            {
                left[j]--;
                locked.Add((i, j));
            }
        }
        return new RandomProblem { Mentees = n, Mentors = m, Scores = scores, Forbidden = forbidden, Capacities = caps, Locked = locked };
    }

    public IEnumerable<(int, int)> ForbiddenPairs() =>
        from i in Enumerable.Range(0, Mentees)
        from j in Enumerable.Range(0, Mentors)
        where !Allowed(i, j)
        select (i, j);

    public AssignmentProblem<T> ToProblem<T>(Func<long, T> convert, ObjectiveMode mode, int candidates, int searchBudget = 64)
        where T : struct, System.Numerics.INumber<T>, System.Numerics.IMinMaxValue<T> =>
        new(new DenseMentorScores<T>(Mentees, Mentors, Scores.Select(convert).ToArray(), ForbiddenPairs()), Capacities)
        {
            Locked = [.. Locked.Select(p => new LockedPair<T>(p.Mentee, p.Mentor, convert(Score(p.Mentee, p.Mentor))))],
            Objective = mode,
            CandidatesPerMentee = candidates,
            MaxWideningRounds = 100,
            SearchBudget = searchBudget,
        };
}
