using System.Globalization;
using System.Numerics;
using Flipside.Matching.Assignment;

namespace Flipside.Benchmarks;

/// <summary>Builds the solver's problem from an instance file, solves it and returns the objective and assignment.</summary>
public static class InstanceSolver
{
    public sealed record Outcome(string Objective, double ObjectiveValue, IReadOnlyList<int> MentorOf, bool Proven, int Rounds);

    public static Outcome Solve(InstanceFile file, int candidatesPerMentee = 16)
    {
        if (file.FloatScores)
        {
            var s = Solve<double, double>(file, file.FloatScoresArray!, candidatesPerMentee);
            return new Outcome(s.Objective.ToString("R", CultureInfo.InvariantCulture), s.Objective, s.MentorOf, s.ProvenOptimal, s.Rounds);
        }
        // Int scores are read where they lie and summed in long: no converted copy of the matrix.
        var l = Solve<long, int>(file, file.IntScores!, candidatesPerMentee);
        return new Outcome(l.Objective.ToString(CultureInfo.InvariantCulture), l.Objective, l.MentorOf, l.ProvenOptimal, l.Rounds);
    }

    private static AssignmentSolution<T> Solve<T, TStored>(InstanceFile file, TStored[] scores, int candidatesPerMentee)
        where T : struct, INumber<T>, IMinMaxValue<T>
        where TStored : struct, INumberBase<TStored>
    {
        IMentorScores<T> source;
        Func<int, int, T?> find;
        if (file.Sparse)
        {
            var sparse = new SparseMentorScores<T, TStored>(file.Mentees, file.Mentors, file.RowStart!, file.MentorIndex!, scores, file.Forbidden);
            source = sparse;
            find = sparse.Find;
        }
        else
        {
            source = new DenseMentorScores<T, TStored>(file.Mentees, file.Mentors, scores, file.Forbidden);
            find = (i, j) => T.CreateTruncating(scores[((long)i * file.Mentors) + j]);
        }
        var forbidden = file.Forbidden.ToHashSet();
        var locked = new List<LockedPair<T>>(file.Locked.Length);
        foreach (var (i, j) in file.Locked)
        {
            if (forbidden.Contains((i, j)))
                throw new InstanceFormatException($"pair ({i}, {j}) is both locked and forbidden");
            var score = find(i, j) ?? throw new InstanceFormatException($"locked pair ({i}, {j}) is not a listed pair");
            locked.Add(new LockedPair<T>(i, j, score));
        }
        var solution = AssignmentSolver.Solve(new AssignmentProblem<T>(source, file.Capacities)
        {
            Locked = locked,
            CandidatesPerMentee = candidatesPerMentee,
        });
        if (solution.Matched < file.Mentees)
            throw new InstanceFormatException($"infeasible: at most {solution.Matched} of {file.Mentees} mentees can be assigned");
        return solution;
    }
}
