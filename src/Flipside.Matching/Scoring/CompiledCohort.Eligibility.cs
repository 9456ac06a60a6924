using System.Runtime.CompilerServices;

namespace Flipside.Matching.Scoring;

internal sealed partial class CompiledCohort
{
    // Eligibility: the grade gap first, since it is the test that fails most, then the department rule, then the
    // short list of exclusions.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Eligible(int i, int j) =>
        PairRulesHold(i, j) && (_excluded[i].Length == 0 || Array.BinarySearch(_excluded[i], j) < 0);

    // The rules that hold for whole groups of mentors (grade, department), counted by GradeIndex without visits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool PairRulesHold(int i, int j) => !GradeGapFails(i, j) && !SameDepartmentFails(i, j);

    /// <summary>
    /// How many mentors are eligible for mentee i, without visiting them all: those far enough below in
    /// grade (and in another department, when the program asks), less the excluded ones among them.
    /// </summary>
    public int EligibleCount(int i)
    {
        int count = _grades.Count(this, i);
        foreach (int j in _excluded[i])
            count -= PairRulesHold(i, j) ? 1 : 0;
        return count;
    }

    /// <summary>
    /// How many of mentee i's eligible mentors take mentees at all (capacity above zero), again without visiting
    /// them all: the eligible count less the zero-capacity mentors that pass the pair rules and are not excluded.
    /// </summary>
    public int EligibleWithRoomCount(int i)
    {
        // Only unmatched mentees ask, after the solve: built on the first question.
        _zeroCapacityGrades ??= new GradeIndex(this, j => Mentors[j].Capacity <= 0);
        int count = EligibleCount(i) - _zeroCapacityGrades.Count(this, i);
        foreach (int j in _excluded[i])
            count += Mentors[j].Capacity <= 0 && PairRulesHold(i, j) ? 1 : 0;
        return count;
    }

    /// <summary>
    /// Some mentors' grades, ascending, in all and per department, so that "far enough below in grade, and in
    /// another department when the program asks" is counted with two binary searches a mentee.
    /// </summary>
    private sealed class GradeIndex
    {
        private readonly int[] _all;
        private readonly int[][] _byDepartment;

        public GradeIndex(CompiledCohort c, Func<int, bool> include)
        {
            var mentors = Enumerable.Range(0, c.Mentors.Length).Where(include).ToList();
            _all = [.. mentors.Select(j => c._mentor.Grade[j]).Order()];
            _byDepartment = [];
            if (!c.Rules.AcrossDepartmentsOnly)
                return;
            _byDepartment = [.. Enumerable.Repeat(Array.Empty<int>(), c._departments)];
            foreach (var department in mentors.GroupBy(j => c._mentor.Department[j]))
                _byDepartment[department.Key] = [.. department.Select(j => c._mentor.Grade[j]).Order()];
        }

        public int Count(CompiledCohort c, int i)
        {
            int limit = c._mentee.Grade[i] - c.Rules.MinGradeGap;
            int count = UpperBound(_all, limit);
            return _byDepartment.Length == 0 ? count : count - UpperBound(_byDepartment[c._mentee.Department[i]], limit);
        }
    }

    // How many values of the ascending array are at most the limit.
    private static int UpperBound(int[] ascending, int limit)
    {
        int lo = 0, hi = ascending.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] <= limit)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
