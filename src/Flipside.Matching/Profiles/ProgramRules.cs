using Flipside.Matching.Assignment;

namespace Flipside.Matching.Profiles;

/// <summary>Whole-number weights of the score's parts; 0 turns a part off. Each part scores 0–100 points.</summary>
public sealed record ScoringWeights
{
    /// <summary>The mentor teaches what the mentee wants to learn.</summary>
    public int Complementarity { get; init; } = 5;

    /// <summary>Interests in common.</summary>
    public int SharedInterests { get; init; } = 2;

    /// <summary>Communication style and meeting mode agree.</summary>
    public int StyleFit { get; init; } = 2;

    /// <summary>Hours a week both are free.</summary>
    public int AvailabilityOverlap { get; init; } = 2;

    /// <summary>A language in common.</summary>
    public int SharedLanguage { get; init; } = 1;

    /// <summary>Different departments.</summary>
    public int CrossDepartment { get; init; } = 1;

    /// <summary>Generations apart.</summary>
    public int GenerationGap { get; init; } = 1;
}

/// <summary>Skills grouped into families; a mentor earns half credit for a skill in the same family as the goal.</summary>
public sealed class SkillTaxonomy(IReadOnlyDictionary<string, string> familyOfSkill)
{
    /// <summary>No families: only exact skills count.</summary>
    public static SkillTaxonomy None { get; } = new(new Dictionary<string, string>());

    /// <summary>The family of a skill, or null.</summary>
    public string? FamilyOf(string skill) => familyOfSkill.TryGetValue(skill, out var family) ? family : null;

    /// <summary>True when the two different skills share a family.</summary>
    public bool Related(string a, string b) => a != b && FamilyOf(a) is { } family && family == FamilyOf(b);
}

/// <summary>A program's matching rules.</summary>
public sealed record ProgramRules
{
    /// <summary>The grade gap a new program starts with; the app's programs take theirs from here, so the two never drift.</summary>
    public const int DefaultMinGradeGap = 2;

    /// <summary>The mentee's grade must exceed the mentor's by at least this much.</summary>
    public int MinGradeGap { get; init; } = DefaultMinGradeGap;

    /// <summary>A hard rule: never pair two people of the same department.</summary>
    public bool AcrossDepartmentsOnly { get; init; }

    /// <summary>Whether an earlier pairing may be repeated.</summary>
    public bool AllowRepeatPairings { get; init; }

    /// <summary>Hours a week of overlap that earn the full availability points.</summary>
    public int TargetOverlapHours { get; init; } = 4;

    /// <summary>Part weights.</summary>
    public ScoringWeights Weights { get; init; } = new();

    /// <summary>Related-skill families.</summary>
    public SkillTaxonomy Taxonomy { get; init; } = SkillTaxonomy.None;

    /// <summary>What to maximise.</summary>
    public ObjectiveMode Objective { get; init; } = ObjectiveMode.MostMatchedThenHighestScore;

    /// <summary>Best mentors per mentee solved on first; the optimality proof widens where needed.</summary>
    public int CandidatesPerMentee { get; init; } = 16;
}

/// <summary>A (mentee id, mentor id) pair.</summary>
public readonly record struct PairIds(string MenteeId, string MentorId);

/// <summary>Everything one matching run needs.</summary>
public sealed record MatchRequest(IReadOnlyList<Participant> Mentees, IReadOnlyList<Participant> Mentors, ProgramRules Rules)
{
    /// <summary>Pairs that must never be made.</summary>
    public IReadOnlyList<PairIds> Exclusions { get; init; } = [];

    /// <summary>Pairs made in earlier cohorts.</summary>
    public IReadOnlyList<PairIds> PreviousPairings { get; init; } = [];

    /// <summary>Pairs a program manager fixed; they stay whatever the score.</summary>
    public IReadOnlyList<PairIds> Locked { get; init; } = [];
}
