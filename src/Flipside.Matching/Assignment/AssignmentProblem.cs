using System.Numerics;

namespace Flipside.Matching.Assignment;

/// <summary>What the solver maximises.</summary>
public enum ObjectiveMode
{
    /// <summary>Match as many mentees as possible, then maximise the total score among those matchings.</summary>
    MostMatchedThenHighestScore,

    /// <summary>Maximise the total score; a mentee stays unmatched when that scores higher.</summary>
    HighestScore,
}

/// <summary>
/// The scores of a cohort: for one mentee, offers every eligible mentor with its score.
/// Ineligible pairs (forbidden, constrained away) are simply never offered.
/// Must be safe to call for different mentees from several threads at once.
/// </summary>
public interface IMentorScores<T> where T : struct, INumber<T>, IMinMaxValue<T>
{
    /// <summary>Number of mentees (rows).</summary>
    int Mentees { get; }

    /// <summary>Number of mentors (columns).</summary>
    int Mentors { get; }

    /// <summary>Offers each eligible mentor of <paramref name="mentee"/> to the collector.</summary>
    void OfferMentors(int mentee, CandidateCollector<T> collector);
}

/// <summary>A pair a person fixed by hand: it stays, uses capacity and its score counts.</summary>
public readonly record struct LockedPair<T>(int Mentee, int Mentor, T Score);

/// <summary>A capacitated assignment of mentees to mentors.</summary>
public sealed record AssignmentProblem<T>(IMentorScores<T> Scores, IReadOnlyList<int> Capacities)
    where T : struct, INumber<T>, IMinMaxValue<T>
{
    /// <summary>Pairs that must stay.</summary>
    public IReadOnlyList<LockedPair<T>> Locked { get; init; } = [];

    /// <summary>What to maximise.</summary>
    public ObjectiveMode Objective { get; init; } = ObjectiveMode.MostMatchedThenHighestScore;

    /// <summary>How many best mentors per mentee the first round solves on; the proof widens where needed.</summary>
    public int CandidatesPerMentee { get; init; } = 16;

    /// <summary>Rounds of widening before giving up on the proof (the result then says it is not proven).</summary>
    public int MaxWideningRounds { get; init; } = 16;

    // Columns a row's own search may settle before the row waits for the phases (see AssignmentSolver);
    // tests lower it to send every row through the phases.
    internal int SearchBudget { get; init; } = 64;

    /// <summary>Threads for scoring candidates; the result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

/// <summary>The optimal assignment and its certificate.</summary>
public sealed class AssignmentSolution<T> where T : struct, INumber<T>
{
    internal AssignmentSolution(int[] mentorOf, T objective, int matched, bool proven, int rounds, int[] eligible, T[] prices)
    {
        MentorOf = mentorOf;
        Objective = objective;
        Matched = matched;
        ProvenOptimal = proven;
        Rounds = rounds;
        EligibleMentors = eligible;
        MentorPrices = prices;
    }

    /// <summary>The mentor index of each mentee, or -1 when unmatched.</summary>
    public IReadOnlyList<int> MentorOf { get; }

    /// <summary>Total score of the chosen pairs, locked pairs included.</summary>
    public T Objective { get; }

    /// <summary>How many mentees have a mentor.</summary>
    public int Matched { get; }

    /// <summary>True when dual prices prove the result optimal over every eligible pair, not only the candidates.</summary>
    public bool ProvenOptimal { get; }

    /// <summary>Solve rounds taken (1 when the first candidates sufficed).</summary>
    public int Rounds { get; }

    /// <summary>How many eligible mentors each mentee had (0 for locked mentees).</summary>
    public IReadOnlyList<int> EligibleMentors { get; }

    /// <summary>The dual price of each mentor: what a mentee gives up to take that mentor's place.</summary>
    public IReadOnlyList<T> MentorPrices { get; }
}

/// <summary>The problem cannot be solved as posed (bad locks, no feasible assignment).</summary>
public sealed class AssignmentException(string message) : Exception(message);
