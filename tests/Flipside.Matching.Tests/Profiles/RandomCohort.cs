using Flipside.Matching.Profiles;

namespace Flipside.Matching.Tests.Profiles;

/// <summary>
/// Seeded random cohorts that reach every branch of the scoring: unusual styles, all meeting modes,
/// unknown generations, more than 64 interests, reporting lines both ways, exclusions and repeats,
/// the across-departments rule, and availability off the whole hour.
/// </summary>
internal static class RandomCohort
{
    public static MatchRequest Create(int seed, int mentees, int mentors, ScoringWeights? weights = null)
    {
        var random = new Random(seed);
        int interests = random.Next(2) == 0 ? 12 : 90;
        string[] skills = [.. Enumerable.Range(0, 12).Select(s => $"skill {s}")];
        var leaders = Enumerable.Range(0, mentees).Select(k => Person(random, $"e{k:D3}", interests) with
        {
            Grade = random.Next(5, 12),
            LearningGoals = [.. skills.OrderBy(_ => random.Next()).Take(random.Next(0, 4))],
        }).ToList();
        var juniors = Enumerable.Range(0, mentors).Select(k => Person(random, $"r{k:D3}", interests) with
        {
            Grade = random.Next(1, 8),
            Capacity = random.Next(0, 3),
            Skills = skills.OrderBy(_ => random.Next()).Take(random.Next(0, 5)).ToDictionary(s => s, _ => random.Next(1, 6)),
        }).ToList();
        // Reporting lines both ways, at depth one or two.
        for (int k = 0; k < mentors / 6; k++)
        {
            int j = random.Next(mentors), i = random.Next(mentees);
            if (random.Next(2) == 0)
                juniors[j] = juniors[j] with { ManagerChain = ["boss", leaders[i].Id] };
            else
                leaders[i] = leaders[i] with { ManagerChain = [juniors[j].Id] };
        }
        PairIds RandomPair() => new(leaders[random.Next(mentees)].Id, juniors[random.Next(mentors)].Id);
        var rules = new ProgramRules
        {
            MinGradeGap = random.Next(1, 3),
            TargetOverlapHours = random.Next(1, 6),
            Taxonomy = new SkillTaxonomy(skills.ToDictionary(s => s, s => $"family {s.Length % 3}")),
            Weights = weights ?? new ScoringWeights(),
            CandidatesPerMentee = random.Next(1, 4),
            AcrossDepartmentsOnly = random.Next(3) == 0,
        };
        return new MatchRequest(leaders, juniors, rules)
        {
            Exclusions = [.. Enumerable.Range(0, mentees / 4).Select(_ => RandomPair())],
            PreviousPairings = [.. Enumerable.Range(0, mentees / 4).Select(_ => RandomPair())],
        };
    }

    private static Participant Person(Random random, string id, int interests) => new(id, $"Person {id}")
    {
        Department = $"department {random.Next(4)}",
        Location = $"city {random.Next(3)}",
        // Now and then a generation outside the enum, as a careless caller might cast one.
        Generation = random.Next(5) == 0 ? null : (Generation)(random.Next(40) == 0 ? -3 : random.Next(4)),
        Interests = [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => $"interest {random.Next(interests)}").Distinct()],
        Languages = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => $"language {random.Next(4)}").Distinct()],
        CommunicationStyle = random.Next(10) == 0 ? random.Next(-20, 30) : random.Next(1, 6),
        MeetingMode = (MeetingMode)random.Next(3),
        // Local hours shifted by a whole number of quarter hours, as zones such as +5:30 and +5:45 give.
        Availability = WeekHours.FromUtcSpans(Enumerable.Range(0, random.Next(0, 30)).Select(_ => ((random.Next(WeekHours.HoursPerWeek) * 60) - (15 * random.Next(-32, 56)), 60))),
    };
}
