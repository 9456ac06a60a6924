namespace Flipside.Matching.Scoring;

/// <summary>Says why someone was left without a pairing, in words a program manager can act on.</summary>
internal static class UnmatchedReasons
{
    public static IReadOnlyList<string> ForMentee(CompiledCohort c, int i, int eligible, int[] load)
    {
        if (eligible > 0)
        {
            int full = Enumerable.Range(0, c.Mentors.Length).Count(j => load[j] >= c.Mentors[j].Capacity);
            return [$"all {eligible} eligible mentors are taken by pairings that match more people or score higher ({full} mentors are full)"];
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

    public static IReadOnlyList<string> ForMentor(CompiledCohort c, int j, IReadOnlyList<int> mentorOf)
    {
        if (c.Mentors[j].Capacity == 0)
            return ["capacity is zero"];
        int eligible = 0;
        for (int i = 0; i < c.Mentees.Length; i++)
        {
            int at = 0;
            eligible += c.Eligible(i, j, ref at) ? 1 : 0;
        }
        return eligible == 0
            ? ["no eligible mentee (grade gap, reporting line or exclusions)"]
            : [$"each of the {eligible} eligible mentees is better served by another mentor"];
    }
}
