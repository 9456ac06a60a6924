using Flipside.Matching.Profiles;

namespace Flipside.Matching.Tests.Profiles;

/// <summary>Builders with defaults: a senior mentee in London and a junior mentor in New York.</summary>
internal static class A
{
    // Weekdays 9:00–17:00 local.
    public static IEnumerable<int> OfficeHours() =>
        from day in Enumerable.Range(0, 5) from hour in Enumerable.Range(9, 8) select (day * 24) + hour;

    public static Participant Mentee(string id = "leader", string name = "Helen Park") => new(id, name)
    {
        Grade = 10,
        Department = "Finance",
        Location = "London",
        Generation = Generation.BabyBoomer,
        LearningGoals = ["Generative AI"],
        Languages = ["English"],
        CommunicationStyle = 4,
        Availability = WeekHours.FromLocal(OfficeHours(), 0),
    };

    public static Participant Mentor(string id = "maya", string name = "Maya Chen") => new(id, name)
    {
        Grade = 3,
        Department = "Engineering",
        Location = "New York",
        Generation = Generation.GenZ,
        Skills = new Dictionary<string, int> { ["Generative AI"] = 5 },
        Languages = ["English"],
        CommunicationStyle = 2,
        Availability = WeekHours.FromLocal(OfficeHours(), -5),
    };

    public static MatchRequest Request(IReadOnlyList<Participant> mentees, IReadOnlyList<Participant> mentors, ProgramRules? rules = null) =>
        new(mentees, mentors, rules ?? new ProgramRules());
}
