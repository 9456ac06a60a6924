using Flipside.Matching.Profiles;
using Flipside.Matching.Scoring;

namespace Flipside.Features.Matching;

/// <summary>Who reads an explanation: it decides the person (third or second) and what may be said.</summary>
public enum Audience { Administrator, ProgramManager, Mentee, Mentor }

/// <summary>
/// Words a pairing's score facts for one audience. Program managers and administrators read third-person
/// sentences with names; each partner reads "you" and the other's first name (the directory holds no
/// pronouns). Generation derives from the birth year, which only administrators may see, so no one else
/// ever reads it. Parts a program weighs at zero are left out: they did not shape the proposal.
/// </summary>
public static class MatchExplanations
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth"];

    public static IReadOnlyList<string> For(Audience audience, string menteeName, string mentorName, IEnumerable<ScorePart> parts)
    {
        var names = new Names(audience, menteeName, mentorName);
        return [.. parts.Where(p => p.Weight != 0).Select(p => Sentence(p.Fact, names)).OfType<string>()];
    }

    /// <summary>True for facts that derive from the birth year.</summary>
    public static bool DerivesFromBirthYear(ExplanationFact fact) => fact is Generations;

    private sealed record Names(Audience Audience, string Mentee, string Mentor)
    {
        public bool Staff => Audience is Audience.Administrator or Audience.ProgramManager;
        public string MenteeFirst => Mentee.Split(' ')[0];
        public string MentorFirst => Mentor.Split(' ')[0];
        public string Partner => Audience == Audience.Mentee ? MentorFirst : MenteeFirst;
    }

    // Null means "nothing to say to this audience".
    private static string? Sentence(ExplanationFact fact, Names n) => fact switch
    {
        SkillForGoal s => Skill(s, n),
        NoSkillForGoals => n.Staff ? $"{n.Mentor} teaches none of {n.Mentee}'s learning goals." : null,
        SharedInterests { Interests.Count: 0 } => n.Staff ? $"{n.Mentee} and {n.Mentor} have no interests in common yet." : null,
        SharedInterests s => n.Staff
            ? $"{n.Mentee} and {n.Mentor} share {Count(s.Interests.Count, "interest")}: {string.Join(", ", s.Interests)}."
            : $"You both enjoy {List(s.Interests)}.",
        StyleMatch s => Style(s, n),
        SharedAvailability { Minutes: 0 } => n.Staff ? "No time a week in common." : null,
        SharedAvailability a => n.Staff
            ? $"{Duration(a.Minutes)} a week in common between {Place(a.MenteeLocation, n.Mentee)} and {Place(a.MentorLocation, n.Mentor)}."
            : $"You are both free {Duration(a.Minutes)} a week.",
        SharedLanguage { Language: null } => n.Staff ? "No language in common." : null,
        SharedLanguage l => n.Staff ? $"{n.Mentee} and {n.Mentor} both speak {l.Language}." : $"You both speak {l.Language}.",
        Departments { Crosses: false } d => n.Staff ? $"Both in {d.MenteeDepartment}." : null,
        Departments d => n.Staff
            ? $"Crosses departments: {d.MenteeDepartment} and {d.MentorDepartment}."
            : $"You bring two departments together: {d.MenteeDepartment} and {d.MentorDepartment}.",
        Generations g => n.Audience == Audience.Administrator ? Generation(g, n) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, "No words for this kind of fact yet."),
    };

    private static string Skill(SkillForGoal s, Names n)
    {
        string ordinal = s.Priority <= Ordinals.Length ? Ordinals[s.Priority - 1] : $"number {s.Priority}";
        string teaches = s.Exact ? $"teaches {s.Goal} at {s.Level}/5" : $"knows {s.Skill} at {s.Level}/5, close to {s.Goal}";
        return n.Audience switch
        {
            Audience.Mentee => $"{n.MentorFirst} {teaches}, your {ordinal} priority.",
            Audience.Mentor => s.Exact
                ? $"{n.MenteeFirst} wants to learn {s.Goal} ({ordinal} priority); you teach it."
                : $"{n.MenteeFirst} wants to learn {s.Goal} ({ordinal} priority); you know {s.Skill}, which is close.",
            _ => $"{n.Mentor} {teaches}, {n.Mentee}'s {ordinal} priority.",
        };
    }

    private static string Style(StyleMatch s, Names n)
    {
        string styles = s.StylesApart == 0
            ? n.Staff ? "Same communication style" : "Your communication styles match"
            : n.Staff ? $"Communication styles {Count(s.StylesApart, "point")} apart on a 5-point scale" : $"Your communication styles are {Count(s.StylesApart, "point")} apart on a 5-point scale";
        if (!s.ModesClash) return styles + ".";
        return n.Audience switch
        {
            Audience.Mentee => $"{styles}; you prefer to meet {Mode(s.MenteeMode)}, {n.Partner} {Mode(s.MentorMode)}.",
            Audience.Mentor => $"{styles}; you prefer to meet {Mode(s.MentorMode)}, {n.Partner} {Mode(s.MenteeMode)}.",
            _ => $"{styles}; meeting preferences clash: {n.Mentee} {Mode(s.MenteeMode)}, {n.Mentor} {Mode(s.MentorMode)}.",
        };
    }

    private static string Generation(Generations g, Names n) => g is { MenteeGeneration: { } a, MentorGeneration: { } b }
        ? a == b ? $"{n.Mentee} and {n.Mentor} are of the same generation ({a})." : $"{n.Mentee} and {n.Mentor} are {Count(Math.Abs(a - b), "generation")} apart: {a} and {b}."
        : "Generation not given.";

    private static string Mode(MeetingMode mode) => mode switch
    {
        MeetingMode.InPerson => "in person",
        MeetingMode.Video => "by video",
        _ => "either way",
    };

    private static string Duration(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => $"{m} min",
        (var h, 0) => $"{h} h",
        var (h, m) => $"{h} h {m} min",
    };

    private static string Place(string location, string name) => location.Length > 0 ? location : name;

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static string Count(int n, string noun) => Domain.Words.Count(n, noun);
}
