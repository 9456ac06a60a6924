using System.Numerics;
using System.Runtime.CompilerServices;
using Flipside.Matching.Profiles;

namespace Flipside.Matching.Scoring;

/// <summary>
/// A cohort turned into flat arrays so that a pair's eligibility and each score part cost a few
/// loads and bit operations: scoring every pair of a large cohort is the engine's hot loop.
/// </summary>
internal sealed partial class CompiledCohort
{
    public const int FullPoints = 100;

    public readonly Participant[] Mentees;
    public readonly Participant[] Mentors;
    public readonly ProgramRules Rules;
    private readonly int _skills;
    private readonly byte[] _mentorSkillCredit;   // per mentor and skill: 2 × proficiency, or proficiency of the best related skill
    private readonly int[][] _goalSkill;
    private readonly int[][] _goalCoefficient;
    private readonly Side _mentee;
    private readonly Side _mentor;
    private readonly int[][] _blocked;             // per mentee, mentor indexes ascending
    private readonly int[] _overlapPoints;
    private readonly long _otherMaximum;

    public CompiledCohort(MatchRequest request)
    {
        Mentees = [.. request.Mentees.OrderBy(p => p.Id, StringComparer.Ordinal)];
        Mentors = [.. request.Mentors.OrderBy(p => p.Id, StringComparer.Ordinal)];
        Rules = request.Rules;
        var skillIndex = new Dictionary<string, int>();
        foreach (var name in Mentors.SelectMany(p => p.Skills.Keys).Concat(Mentees.SelectMany(p => p.LearningGoals)))
            skillIndex.TryAdd(name, skillIndex.Count);
        _skills = Math.Max(1, skillIndex.Count);
        _mentorSkillCredit = new byte[Mentors.Length * _skills];
        var relatedSkills = RelatedSkills(skillIndex);
        for (int j = 0; j < Mentors.Length; j++)
            FillSkillCredit(Mentors[j], skillIndex, relatedSkills, _mentorSkillCredit.AsSpan(j * _skills, _skills));
        _goalSkill = [.. Mentees.Select(p => p.LearningGoals.Select(g => skillIndex[g]).ToArray())];
        _goalCoefficient = [.. Mentees.Select(p => GoalCoefficients(p.LearningGoals.Count))];

        var everyone = Mentees.Concat(Mentors).ToArray();
        var interests = BitIndex(everyone.SelectMany(p => p.Interests));
        var languages = BitIndex(everyone.SelectMany(p => p.Languages));
        var people = new Dictionary<string, int>();
        foreach (var id in everyone.SelectMany(p => p.ManagerChain.Prepend(p.Id)))
            people.TryAdd(id, people.Count);
        var departments = new Dictionary<string, int>();
        var locations = new Dictionary<string, int>();
        _mentee = new Side(Mentees, interests, languages, people, departments, locations);
        _mentor = new Side(Mentors, interests, languages, people, departments, locations);
        _blocked = BlockedMentors(request);
        _overlapPoints = [.. Enumerable.Range(0, WeekHours.HoursPerWeek + 1)
            .Select(h => Math.Min(FullPoints, h * FullPoints / Math.Max(1, Rules.TargetOverlapHours)))];
        var w = Rules.Weights;
        _otherMaximum = (long)FullPoints * (w.SharedInterests + w.StyleFit + w.AvailabilityOverlap + w.SharedLanguage + w.CrossDepartment + w.GenerationGap);
    }

    public int IndexOfMentee(string id) => Array.FindIndex(Mentees, p => p.Id == id);

    public int IndexOfMentor(string id) => Array.FindIndex(Mentors, p => p.Id == id);

    // Eligibility, cheapest test first. The reporting-line test is exact; the bit filter only skips it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Eligible(int i, int j, ref int blockedAt)
    {
        if (_mentee.Grade[i] - _mentor.Grade[j] < Rules.MinGradeGap)
            return false;
        if (((_mentee.ChainBits[i] & _mentor.IdBit[j]) | (_mentor.ChainBits[j] & _mentee.IdBit[i])) != 0 && InReportingLine(i, j))
            return false;
        var blocked = _blocked[i];
        while (blockedAt < blocked.Length && blocked[blockedAt] < j)
            blockedAt++;
        return blockedAt >= blocked.Length || blocked[blockedAt] != j;
    }

    public bool GradeGapFails(int i, int j) => _mentee.Grade[i] - _mentor.Grade[j] < Rules.MinGradeGap;

    public bool InReportingLine(int i, int j) =>
        Array.IndexOf(_mentee.Chain[i], _mentor.Person[j]) >= 0 || Array.IndexOf(_mentor.Chain[j], _mentee.Person[i]) >= 0;

    public bool Blocked(int i, int j) => Array.BinarySearch(_blocked[i], j) >= 0;

    public long Score(int i, int j)
    {
        var w = Rules.Weights;
        return ((long)w.Complementarity * Complementarity(i, j)) + OtherParts(i, j);
    }

    /// <summary>Offers every eligible mentor of a mentee, skipping the full score where it cannot make the cut.</summary>
    public void OfferMentors(int i, Assignment.CandidateCollector<long> collector)
    {
        long weight = Rules.Weights.Complementarity;
        int blockedAt = 0;
        var skills = _goalSkill[i];
        var coefficients = _goalCoefficient[i];
        var credit = _mentorSkillCredit;
        for (int j = 0; j < Mentors.Length; j++)
        {
            if (!Eligible(i, j, ref blockedAt))
                continue;
            int points = 0, row = j * _skills;
            for (int g = 0; g < skills.Length; g++)
                points += coefficients[g] * credit[row + skills[g]];
            long complementarity = weight * points;
            if (collector.CannotKeep(complementarity + _otherMaximum))
            {
                collector.Reject(complementarity + _otherMaximum);
                continue;
            }
            collector.Offer(j, complementarity + OtherParts(i, j));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Complementarity(int i, int j)
    {
        var credit = _mentorSkillCredit.AsSpan(j * _skills, _skills);
        var skills = _goalSkill[i];
        var coefficients = _goalCoefficient[i];
        int points = 0;
        for (int g = 0; g < skills.Length; g++)
            points += coefficients[g] * credit[skills[g]];
        return points;
    }

    private long OtherParts(int i, int j)
    {
        var w = Rules.Weights;
        return ((long)w.SharedInterests * SharedInterests(i, j)) + ((long)w.StyleFit * StyleFit(i, j))
            + ((long)w.AvailabilityOverlap * AvailabilityOverlap(i, j)) + ((long)w.SharedLanguage * SharedLanguage(i, j))
            + ((long)w.CrossDepartment * CrossDepartment(i, j)) + ((long)w.GenerationGap * GenerationGap(i, j));
    }

    public int SharedInterestCount(int i, int j) => CommonBits(_mentee.Interests, _mentor.Interests, i, j);

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
        return inPerson && (a == MeetingMode.Remote || b == MeetingMode.Remote || _mentee.Location[i] != _mentor.Location[j]);
    }

    public int OverlapHours(int i, int j) => _mentee.Availability[i].Overlap(_mentor.Availability[j]).Count;

    public int AvailabilityOverlap(int i, int j) => _overlapPoints[OverlapHours(i, j)];

    public int SharedLanguage(int i, int j) => CommonBits(_mentee.Languages, _mentor.Languages, i, j) > 0 ? FullPoints : 0;

    public int CrossDepartment(int i, int j) => _mentee.Department[i] != _mentor.Department[j] ? FullPoints : 0;

    public int GenerationGap(int i, int j) =>
        _mentee.Generation[i] >= 0 && _mentor.Generation[j] >= 0 ? Math.Min(FullPoints, 34 * Math.Abs(_mentee.Generation[i] - _mentor.Generation[j])) : 0;

    private static int CommonBits(ulong[][] a, ulong[][] b, int i, int j)
    {
        var x = a[i];
        var y = b[j];
        int count = 0;
        for (int k = 0; k < x.Length; k++)
            count += BitOperations.PopCount(x[k] & y[k]);
        return count;
    }
}
