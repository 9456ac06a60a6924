using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Flipside.Matching.Profiles;

namespace Flipside.Matching.Scoring;

/// <summary>
/// A cohort turned into flat arrays so that a pair's eligibility and each score part cost a few
/// loads and bit operations: scoring every pair of a large cohort is the engine's hot loop.
/// </summary>
internal sealed partial class CompiledCohort
{
    public const int FullPoints = 100;

    // Complementarity points stay within 16 bits (10 × the coefficients, which sum to about 10 + goals / 2).
    public const int MaxLearningGoals = 1000;

    public readonly Participant[] Mentees;
    public readonly Participant[] Mentors;
    public readonly ProgramRules Rules;
    private readonly int _stride;                  // mentors per skill row of _credit, padded to whole vectors
    private readonly byte[] _credit;               // per skill and mentor: 2 × proficiency, or proficiency of the best related skill
    private readonly int[][] _goalSkill;
    private readonly int[][] _goalCoefficient;
    private readonly Side _mentee;
    private readonly Side _mentor;
    private readonly int[][] _blocked;             // per mentee, mentor indexes ascending
    private readonly int[] _overlapPoints;
    private readonly long[] _availabilityBound;    // per mentee: the most its availability part can score with any mentor
    private readonly Lanes? _lanes;
    private readonly int[][] _excluded;            // per mentee, ascending: mentors blocked or in a reporting line with it
    private readonly int _departments;            // how many department names both sides use
    private readonly GradeIndex _grades;
    private GradeIndex? _zeroCapacityGrades;       // the mentors with capacity zero; built when first needed

    public CompiledCohort(MatchRequest request)
    {
        Participant[] mentees = [], mentors = [];
        Parallel.Invoke(
            () => mentees = [.. request.Mentees.OrderBy(p => p.Id, StringComparer.Ordinal)],
            () => mentors = [.. request.Mentors.OrderBy(p => p.Id, StringComparer.Ordinal)]);
        (Mentees, Mentors, Rules) = (mentees, mentors, request.Rules);
        CheckPeople();
        if (Mentees.FirstOrDefault(p => p.LearningGoals.Count > MaxLearningGoals) is { } many)
            throw new ArgumentException($"mentee '{many.Id}' lists more than {MaxLearningGoals} learning goals");
        var skillIndex = new Dictionary<string, int>();
        foreach (var name in Mentors.SelectMany(p => p.Skills.Keys).Concat(Mentees.SelectMany(p => p.LearningGoals)))
            skillIndex.TryAdd(name, skillIndex.Count);
        _stride = (Mentors.Length + Vector256<byte>.Count - 1) / Vector256<byte>.Count * Vector256<byte>.Count;
        _goalSkill = [.. Mentees.Select(p => p.LearningGoals.Select(g => skillIndex[g]).ToArray())];
        _goalCoefficient = [.. Mentees.Select(p => GoalCoefficients(p.LearningGoals.Count))];
        var index = Indexes.Of([.. Mentees, .. Mentors]);

        // The two sides and the skill credit are independent: build them on both cores.
        Side? mentorSide = null, menteeSide = null;
        byte[]? credit = null;
        Parallel.Invoke(
            () => credit = SkillCredit(skillIndex, RelatedSkills(skillIndex), _stride),
            () => mentorSide = new Side(Mentors, index),
            () => menteeSide = new Side(Mentees, index));
        (_credit, _mentor, _mentee) = (credit!, mentorSide!, menteeSide!);
        _blocked = BlockedMentors(request);
        // Indexed by shared quarter hours: whole hours score exactly as h × 100 / target.
        _overlapPoints = [.. Enumerable.Range(0, WeekHours.SlotsPerWeek + 1)
            .Select(q => Math.Min(FullPoints, q * FullPoints / (WeekHours.SlotsPerHour * Math.Max(1, Rules.TargetOverlapHours))))];
        _availabilityBound = AvailabilityBounds();
        _departments = index.Departments.Count;
        _lanes = BuildLanes(index.Interests.Count, index.Languages.Count, index.Departments.Count, index.Locations.Count);
        _excluded = ExcludedMentors(index.People.Count);
        _grades = new GradeIndex(this, j => true);
    }

    public int IndexOfMentee(string id) => IndexOf(Mentees, id);

    public int IndexOfMentor(string id) => IndexOf(Mentors, id);

    // People are sorted by id (ordinal), so a lookup is a binary search; -1 when absent.
    private static int IndexOf(Participant[] people, string id)
    {
        int lo = 0, hi = people.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int order = string.CompareOrdinal(people[mid].Id, id);
            if (order == 0)
                return mid;
            if (order < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return -1;
    }

    public bool GradeGapFails(int i, int j) => _mentee.Grade[i] - _mentor.Grade[j] < Rules.MinGradeGap;

    public bool SameDepartmentFails(int i, int j) => Rules.AcrossDepartmentsOnly && _mentee.Department[i] == _mentor.Department[j];

    public bool InReportingLine(int i, int j) =>
        Array.IndexOf(_mentee.Chain[i], _mentor.Person[j]) >= 0 || Array.IndexOf(_mentor.Chain[j], _mentee.Person[i]) >= 0;

    public bool Blocked(int i, int j) => Array.BinarySearch(_blocked[i], j) >= 0;

    public long Score(int i, int j)
    {
        var w = Rules.Weights;
        return ((long)w.Complementarity * Complementarity(i, j)) + OtherParts(i, j);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Complementarity(int i, int j)
    {
        var skills = _goalSkill[i];
        var coefficients = _goalCoefficient[i];
        int points = 0;
        for (int g = 0; g < skills.Length; g++)
            points += coefficients[g] * _credit[(skills[g] * _stride) + j];
        return points;
    }

    public long OtherParts(int i, int j)
    {
        var w = Rules.Weights;
        return ((long)w.SharedInterests * SharedInterests(i, j)) + ((long)w.StyleFit * StyleFit(i, j))
            + ((long)w.AvailabilityOverlap * AvailabilityOverlap(i, j)) + ((long)w.SharedLanguage * SharedLanguage(i, j))
            + ((long)w.CrossDepartment * CrossDepartment(i, j)) + ((long)w.GenerationGap * GenerationGap(i, j));
    }

    public int SharedInterestCount(int i, int j) => CommonBits(_mentee.Interests, _mentor.Interests, _mentor.InterestWords, i, j);

    public int SharedInterests(int i, int j) => Math.Min(FullPoints, 34 * SharedInterestCount(i, j));

    public int StyleFit(int i, int j)
    {
        int points = FullPoints - (25 * Math.Abs(_mentee.Style[i] - _mentor.Style[j]));
        return Math.Max(0, MeetingModesClash(i, j) ? points / 2 : points);
    }

    public bool MeetingModesClash(int i, int j)
    {
        MeetingMode a = _mentee.Mode[i], b = _mentor.Mode[j];
        bool inPerson = a == MeetingMode.InPerson || b == MeetingMode.InPerson;
        return inPerson && (a == MeetingMode.Video || b == MeetingMode.Video || _mentee.Location[i] != _mentor.Location[j]);
    }

    public int OverlapMinutes(int i, int j) => _mentee.Availability[i].OverlapSlots(_mentor.Availability[j]) * WeekHours.SlotMinutes;

    public int AvailabilityOverlap(int i, int j) => _overlapPoints[_mentee.Availability[i].OverlapSlots(_mentor.Availability[j])];

    public int SharedLanguage(int i, int j) => CommonBits(_mentee.Languages, _mentor.Languages, _mentor.LanguageWords, i, j) > 0 ? FullPoints : 0;

    public int CrossDepartment(int i, int j) => _mentee.Department[i] != _mentor.Department[j] ? FullPoints : 0;

    public int GenerationGap(int i, int j) =>
        _mentee.Generation[i] >= 0 && _mentor.Generation[j] >= 0 ? Math.Min(FullPoints, 34 * Math.Abs(_mentee.Generation[i] - _mentor.Generation[j])) : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CommonBits(ulong[] a, ulong[] b, int words, int i, int j)
    {
        if (words == 1)
            return BitOperations.PopCount(a[i] & b[j]);
        int count = 0;
        for (int k = 0; k < words; k++)
            count += BitOperations.PopCount(a[(i * words) + k] & b[(j * words) + k]);
        return count;
    }
}
