using Flipside.Matching.Profiles;

namespace Flipside.Benchmarks;

/// <summary>Seeded synthetic cohorts: 8 skills per mentor from a 40-skill taxonomy of 8 families, 3 goals per mentee.</summary>
public static class CohortGenerator
{
    private const int Skills = 40, SkillsPerMentor = 8, GoalsPerMentee = 3, FamilySize = 5;
    private static readonly string[] Departments = ["Finance", "Engineering", "Sales", "Marketing", "Operations", "Legal", "HR", "Product", "Support", "Research"];
    private static readonly (string City, int Offset)[] Cities = [("London", 0), ("New York", -5), ("Singapore", 8), ("Berlin", 1), ("São Paulo", -3), ("Bangalore", 5)];
    private static readonly string[] Languages = ["English", "Spanish", "German", "Mandarin", "Portuguese"];

    public static ProgramRules Rules(ScoringWeights? weights = null) => new()
    {
        Taxonomy = new SkillTaxonomy(Enumerable.Range(0, Skills).ToDictionary(Skill, s => $"family {s / FamilySize}")),
        Weights = weights ?? new ScoringWeights(),
    };

    public static MatchRequest Request(int mentees, int mentors, int seed, ScoringWeights? weights = null)
    {
        var random = new Random(seed);
        var leaders = Enumerable.Range(0, mentees).Select(k => Person(random, $"e{k:D6}", senior: true)).ToList();
        var juniors = Enumerable.Range(0, mentors).Select(k => Person(random, $"r{k:D6}", senior: false) with
        {
            // Some juniors report, through a line of managers, to a leader in the cohort.
            ManagerChain = [$"lead{random.Next(mentors / 8 + 1)}", $"dir{random.Next(50)}", .. random.Next(10) == 0 ? [leaders[random.Next(mentees)].Id] : Array.Empty<string>()],
            Skills = Enumerable.Range(0, Skills).OrderBy(_ => random.Next()).Take(SkillsPerMentor).ToDictionary(Skill, _ => random.Next(1, 6)),
        }).ToList();
        return new MatchRequest(leaders, juniors, Rules(weights));
    }

    private static string Skill(int s) => $"skill {s:D2}";

    private static Participant Person(Random random, string id, bool senior)
    {
        var (city, offset) = Cities[random.Next(Cities.Length)];
        int start = random.Next(7, 15);
        return new Participant(id, $"Person {id}")
        {
            Grade = senior ? random.Next(8, 13) : random.Next(1, 7),
            Department = Departments[random.Next(Departments.Length)],
            Location = city,
            Generation = senior ? (Generation)random.Next(0, 2) : (Generation)random.Next(2, 4),
            LearningGoals = senior ? [.. Enumerable.Range(0, Skills).OrderBy(_ => random.Next()).Take(GoalsPerMentee).Select(Skill)] : [],
            Interests = [.. Enumerable.Range(0, 4).Select(_ => $"interest {random.Next(30)}").Distinct()],
            Languages = [Languages[0], Languages[random.Next(Languages.Length)]],
            CommunicationStyle = senior ? random.Next(3, 6) : random.Next(1, 4),
            MeetingMode = (MeetingMode)random.Next(3) == MeetingMode.InPerson ? MeetingMode.Either : (MeetingMode)random.Next(3),
            Availability = WeekHours.FromLocal(from d in Enumerable.Range(0, 5) from h in Enumerable.Range(start, 4) select (d * 24) + h, offset),
            Gender = random.Next(2) == 0 ? "F" : "M",
        };
    }
}
