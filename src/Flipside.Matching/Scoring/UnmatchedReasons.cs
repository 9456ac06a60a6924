using Flipside.Matching.Assignment;

namespace Flipside.Matching.Scoring;

/// <summary>Says why someone was left without a pairing, in words a program manager can act on.</summary>
internal static class UnmatchedReasons
{
    /// <summary>
    /// Reasons for an unmatched mentee at the optimum. <paramref name="mentorsWithRoomLeft"/> are the mentors the
    /// result leaves room with, ascending; only "highest score" mode needs them, since in "most matched" mode an
    /// unmatched mentee never has an eligible mentor with room left (the solver would have paired them).
    /// </summary>
    public static IReadOnlyList<string> ForMentee(CompiledCohort c, int i, int eligible, ObjectiveMode mode, IReadOnlyList<int> mentorsWithRoomLeft)
    {
        if (eligible > 0)
            return Taken(c, i, eligible, mode, mentorsWithRoomLeft);
        if (c.Mentors.Length == 0)
            return ["no mentors in the cohort"];
        int grade = 0, department = 0, line = 0, blocked = 0;
        for (int j = 0; j < c.Mentors.Length; j++)
        {
            grade += c.GradeGapFails(i, j) ? 1 : 0;
            department += c.SameDepartmentFails(i, j) ? 1 : 0;
            line += c.InReportingLine(i, j) ? 1 : 0;
            blocked += c.Blocked(i, j) ? 1 : 0;
        }
        var reasons = new List<string> { "no eligible mentor" };
        if (grade > 0)
            reasons.Add($"{grade} of {c.Mentors.Length} mentors are not at least {c.Rules.MinGradeGap} grade(s) below");
        if (department > 0)
            reasons.Add($"{department} are in the same department ({c.Mentees[i].Department}), and the program pairs across departments only");
        if (line > 0)
            reasons.Add($"{line} are in the same reporting line");
        if (blocked > 0)
            reasons.Add($"{blocked} are excluded{(c.Rules.AllowRepeatPairings ? "" : " or were paired before")}");
        return reasons;
    }

    // The mentee has eligible mentors: say which have no room at all, which still have room but would not raise
    // the total, and which are taken.
    private static List<string> Taken(CompiledCohort c, int i, int eligible, ObjectiveMode mode, IReadOnlyList<int> mentorsWithRoomLeft)
    {
        int withRoom = c.EligibleWithRoomCount(i);
        if (withRoom == 0)
            return [$"no eligible mentor has room (capacity 0 for all {eligible})"];
        var reasons = new List<string>();
        int free = 0;
        if (mode == ObjectiveMode.HighestScore)
        {
            foreach (int j in mentorsWithRoomLeft)
                free += c.Eligible(i, j) ? 1 : 0;
        }
        // At the optimum a free eligible mentor scores at most 0 with this mentee, or pairing them would raise the total.
        if (free > 0)
            reasons.Add($"pairing would not raise the total score: {EligibleMentors(free)} with room left, none scoring above 0 with this mentee");
        string higher = mode == ObjectiveMode.HighestScore ? "score higher" : "match more people or score higher";
        string withRoomWords = eligible > withRoom ? " with room" : "";
        if (free > 0 && withRoom > free)
            reasons.Add($"{Other(withRoom - free)}{withRoomWords} {Be(withRoom - free)} taken by pairings that {higher}");
        else if (free == 0)
            reasons.Add($"all {withRoom} eligible mentors{withRoomWords} are taken by pairings that {higher}");
        if (eligible > withRoom)
            reasons.Add(eligible - withRoom == 1 ? "1 more eligible mentor has capacity 0" : $"{eligible - withRoom} more eligible mentors have capacity 0");
        return reasons;
    }

    // A mentor left free while a mentee it could take is unmatched cannot happen at the optimum, so only
    // the unmatched mentees need checking: that keeps this cheap when most mentors of a large pool stay free.
    public static IReadOnlyList<string> ForMentor(CompiledCohort c, int j, IReadOnlyList<int> unmatchedMentees, ObjectiveMode mode)
    {
        if (c.Mentors[j].Capacity == 0)
            return ["capacity is zero"];
        if (unmatchedMentees.Count == 0)
            return ["every mentee is already paired with a mentor who fits at least as well"];
        int eligible = 0;
        foreach (int i in unmatchedMentees)
            eligible += c.Eligible(i, j) ? 1 : 0;
        return eligible == 0
            ? [$"none of the {unmatchedMentees.Count} unmatched mentees is eligible (grade gap, department, reporting line or exclusions); the others are better served elsewhere"]
            : mode == ObjectiveMode.HighestScore
                ? [$"{eligible} unmatched mentees are eligible, but pairing with them would not raise the total score"]
                : [$"{eligible} unmatched mentees are eligible but the objective leaves them out"];
    }

    private static string EligibleMentors(int count) => count == 1 ? "1 eligible mentor" : $"{count} eligible mentors";

    private static string Other(int count) => count == 1 ? "1 other eligible mentor" : $"{count} other eligible mentors";

    private static string Be(int count) => count == 1 ? "is" : "are";
}
