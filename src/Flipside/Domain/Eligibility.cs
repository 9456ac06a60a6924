namespace Flipside.Domain;

/// <summary>
/// The program's eligibility rules applied to one person, with reasons a person can read. Pair rules
/// (grade gap, same department) are checked against the other side already in the cohort, so a person
/// is refused only when no pairing could satisfy them; matching then enforces them pair by pair.
/// </summary>
public static class Eligibility
{
    public static IReadOnlyList<string> Problems(Person person, ParticipantRole role, MentoringProgram program, IReadOnlyCollection<Person> otherSide, DateOnly today)
    {
        var rules = program.Eligibility;
        var problems = new List<string>();
        if (person.Status == PersonStatus.Left) problems.Add($"{person.Name} has left the organisation");
        if (role == ParticipantRole.Mentor)
        {
            var tenure = person.TenureMonths(today);
            if (tenure is null && rules.MinMentorTenureMonths > 0)
                problems.Add($"no hire date on record; the program asks for {rules.MinMentorTenureMonths} month{(rules.MinMentorTenureMonths == 1 ? "" : "s")} of tenure");
            else if (tenure < rules.MinMentorTenureMonths)
                problems.Add($"tenure {tenure} month{(tenure == 1 ? "" : "s")}, the program asks for {rules.MinMentorTenureMonths}");
        }
        if (otherSide.Count == 0)
        {
            // Nobody on the other side yet: the grade scale itself still bounds who could ever be paired.
            var gap = role == ParticipantRole.Mentor ? Person.MaxGrade - person.Grade : person.Grade - Person.MinGrade;
            if (gap < rules.MinGradeGap)
                problems.Add(role == ParticipantRole.Mentor
                    ? $"grade {person.Grade} leaves no {program.MenteeLabel} at least {rules.MinGradeGap} grades above on the {Person.MinGrade}–{Person.MaxGrade} scale"
                    : $"grade {person.Grade} leaves no {program.MentorLabel} at least {rules.MinGradeGap} grades below on the {Person.MinGrade}–{Person.MaxGrade} scale");
        }
        else
        {
            var gap = role == ParticipantRole.Mentor ? otherSide.Max(o => o.Grade) - person.Grade : person.Grade - otherSide.Min(o => o.Grade);
            if (gap < rules.MinGradeGap)
            {
                // Said as a person would: which grades this cohort takes and why, never a signed "gap" number.
                var grades = rules.MinGradeGap == 1 ? "1 grade" : $"{rules.MinGradeGap} grades";
                problems.Add(role == ParticipantRole.Mentor
                    ? $"this cohort takes {Words.Plural(program.MentorLabel)} at least {grades} below its most senior {program.MenteeLabel} (grade {otherSide.Max(o => o.Grade)}); {person.Name} is grade {person.Grade}"
                    : $"this cohort takes {Words.Plural(program.MenteeLabel)} at least {grades} above its most junior {program.MentorLabel} (grade {otherSide.Min(o => o.Grade)}); {person.Name} is grade {person.Grade}");
            }
            if (rules.ExcludeSameDepartment && otherSide.All(o => o.Department == person.Department))
                problems.Add($"everyone on the other side is in {person.Department}, and the program pairs across departments only");
        }
        return problems;
    }
}
