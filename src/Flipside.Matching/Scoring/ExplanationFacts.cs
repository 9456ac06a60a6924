using Flipside.Matching.Profiles;

namespace Flipside.Matching.Scoring;

/// <summary>
/// What a score part rests on, as values rather than words: the app words each fact for its audience and
/// leaves out what that audience may not see.
/// </summary>
public abstract record ExplanationFact;

/// <summary>
/// The mentor's skill that serves a mentee's goal best: the goal itself when <see cref="Exact"/>, else a
/// related skill of the same family (half credit). <see cref="Priority"/> counts from 1, the first goal.
/// </summary>
public sealed record SkillForGoal(string Goal, int Priority, string Skill, int Level) : ExplanationFact
{
    /// <summary>True when the mentor teaches the goal itself.</summary>
    public bool Exact => Skill == Goal;
}

/// <summary>The mentor teaches none of the mentee's goals, nor anything related.</summary>
public sealed record NoSkillForGoals : ExplanationFact;

/// <summary>The interests both gave, in ordinal order; empty when none.</summary>
public sealed record SharedInterests(IReadOnlyList<string> Interests) : ExplanationFact;

/// <summary>Both communication styles (1 casual … 5 formal) and meeting modes, and whether the modes clash.</summary>
public sealed record StyleMatch(int MenteeStyle, int MentorStyle, MeetingMode MenteeMode, MeetingMode MentorMode, bool ModesClash) : ExplanationFact
{
    /// <summary>Points apart on the 5-point style scale.</summary>
    public int StylesApart => Math.Abs(MenteeStyle - MentorStyle);
}

/// <summary>Minutes a week both are free, and where each is (their locations, possibly empty).</summary>
public sealed record SharedAvailability(int Minutes, string MenteeLocation, string MentorLocation) : ExplanationFact;

/// <summary>The first language both speak in ordinal order, or null when none.</summary>
public sealed record SharedLanguage(string? Language) : ExplanationFact;

/// <summary>Both departments.</summary>
public sealed record Departments(string MenteeDepartment, string MentorDepartment) : ExplanationFact
{
    /// <summary>True when the pair crosses departments.</summary>
    public bool Crosses => MenteeDepartment != MentorDepartment;
}

/// <summary>Both generations, null where not given.</summary>
public sealed record Generations(Generation? MenteeGeneration, Generation? MentorGeneration) : ExplanationFact;
