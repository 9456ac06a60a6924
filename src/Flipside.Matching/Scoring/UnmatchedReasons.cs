namespace Flipside.Matching.Scoring;

/// <summary>Says why someone was left without a pairing, in words a program manager can act on.</summary>
internal static class UnmatchedReasons
{
    public static IReadOnlyList<string> ForMentee(CompiledCohort c, int i, int eligible)
    {
        if (eligible > 0)
        {
            return [$"all {eligible} eligible mentors are taken by pairings that match more people or score higher"];
        }
        if (c.Mentors.Length == 0)
            return ["no mentors in the cohort"];
        int grade = 0, line = 0, blocked = 0;
        for (int j = 0; j < c.Mentors.Length; j++)
        {
            grade += c.GradeGapFails(i, j) ? 1 : 0;
            line += c.InReportingLine(i, j) ? 1 : 0;
            blocked += c.Blocked(i, j) ? 1 : 0;
        }
        var reasons = new List<string> { "no eligible mentor" };
        if (grade > 0)
            reasons.Add($"{grade} of {c.Mentors.Length} mentors are not at least {c.Rules.MinGradeGap} grade(s) below");
        if (line > 0)
            reasons.Add($"{line} are in the same reporting line");
        if (blocked > 0)
            reasons.Add($"{blocked} are excluded{(c.Rules.AllowRepeatPairings ? "" : " or were paired before")}");
        return reasons;
    }

    // A mentor left free while a mentee it could take is unmatched cannot happen at the optimum, so only
    // the unmatched mentees need checking: that keeps this cheap when most mentors of a large pool stay free.
    public static IReadOnlyList<string> ForMentor(CompiledCohort c, int j, IReadOnlyList<int> unmatchedMentees)
    {
        if (c.Mentors[j].Capacity == 0)
            return ["capacity is zero"];
        if (unmatchedMentees.Count == 0)
            return ["every mentee is already paired with a mentor who fits at least as well"];
        int eligible = 0;
        foreach (int i in unmatchedMentees)
            eligible += c.Eligible(i, j) ? 1 : 0;
        return eligible == 0
            ? [$"none of the {unmatchedMentees.Count} unmatched mentees is eligible (grade gap, reporting line or exclusions); the others are better served elsewhere"]
            : [$"{eligible} unmatched mentees are eligible but the objective leaves them out"];
    }
}
