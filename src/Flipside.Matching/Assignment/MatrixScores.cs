using System.Numerics;

namespace Flipside.Matching.Assignment;

/// <summary>Scores held as a dense mentee-by-mentor matrix (row-major), minus forbidden pairs.</summary>
public sealed class DenseMentorScores<T>(int mentees, int mentors, T[] scores, IEnumerable<(int Mentee, int Mentor)> forbidden)
    : DenseMentorScores<T, T>(mentees, mentors, scores, forbidden)
    where T : struct, INumber<T>, IMinMaxValue<T>;

/// <summary>
/// Scores held as a dense matrix in a storage type of their own (int scores solved in long), so that
/// they need no converted copy.
/// </summary>
public class DenseMentorScores<T, TStored> : IMentorScores<T>
    where T : struct, INumber<T>, IMinMaxValue<T>
    where TStored : struct, INumberBase<TStored>
{
    private readonly TStored[] _scores;
    private readonly int[][] _forbidden;

    /// <summary>Wraps a row-major matrix; forbidden pairs are never offered.</summary>
    public DenseMentorScores(int mentees, int mentors, TStored[] scores, IEnumerable<(int Mentee, int Mentor)> forbidden)
    {
        if (scores.Length != (long)mentees * mentors)
            throw new AssignmentException($"expected {(long)mentees * mentors} scores, got {scores.Length}");
        Mentees = mentees;
        Mentors = mentors;
        _scores = scores;
        _forbidden = ForbiddenPairs.ByMentee(mentees, mentors, forbidden);
    }

    /// <inheritdoc />
    public int Mentees { get; }

    /// <inheritdoc />
    public int Mentors { get; }

    /// <inheritdoc />
    public void OfferMentors(int mentee, CandidateCollector<T> collector)
    {
        var row = _scores.AsSpan(mentee * Mentors, Mentors);
        int from = 0;
        foreach (int j in _forbidden[mentee])
        {
            collector.OfferRun(from, row[from..j]);
            from = j + 1;
        }
        collector.OfferRun(from, row[from..]);
    }
}

/// <summary>Scores of listed pairs only (compressed sparse rows), minus forbidden pairs.</summary>
public sealed class SparseMentorScores<T>(int mentees, int mentors, long[] rowStart, int[] mentorIndex, T[] scores,
    IEnumerable<(int Mentee, int Mentor)> forbidden) : SparseMentorScores<T, T>(mentees, mentors, rowStart, mentorIndex, scores, forbidden)
    where T : struct, INumber<T>, IMinMaxValue<T>;

/// <summary>Scores of listed pairs in a storage type of their own, so that they need no converted copy.</summary>
public class SparseMentorScores<T, TStored> : IMentorScores<T>
    where T : struct, INumber<T>, IMinMaxValue<T>
    where TStored : struct, INumberBase<TStored>
{
    private readonly long[] _rowStart;
    private readonly int[] _mentors;
    private readonly TStored[] _scores;
    private readonly int[][] _forbidden;

    /// <summary>Wraps CSR arrays: mentee i's pairs are at [rowStart[i], rowStart[i+1]), mentors ascending.</summary>
    public SparseMentorScores(int mentees, int mentors, long[] rowStart, int[] mentorIndex, TStored[] scores,
        IEnumerable<(int Mentee, int Mentor)> forbidden)
    {
        if (rowStart.Length != mentees + 1 || rowStart[mentees] != mentorIndex.Length || scores.Length != mentorIndex.Length)
            throw new AssignmentException("sparse rows do not match their mentor and score arrays");
        Mentees = mentees;
        Mentors = mentors;
        _rowStart = rowStart;
        _mentors = mentorIndex;
        _scores = scores;
        _forbidden = ForbiddenPairs.ByMentee(mentees, mentors, forbidden);
    }

    /// <inheritdoc />
    public int Mentees { get; }

    /// <inheritdoc />
    public int Mentors { get; }

    /// <summary>The score of a listed pair, or null when the pair is not listed.</summary>
    public T? Find(int mentee, int mentor)
    {
        int start = (int)_rowStart[mentee], length = (int)(_rowStart[mentee + 1] - start);
        int k = Array.BinarySearch(_mentors, start, length, mentor);
        return k >= 0 ? T.CreateTruncating(_scores[k]) : null;
    }

    /// <inheritdoc />
    public void OfferMentors(int mentee, CandidateCollector<T> collector)
    {
        int from = (int)_rowStart[mentee], end = (int)_rowStart[mentee + 1];
        foreach (int j in _forbidden[mentee])
        {
            int at = Array.BinarySearch(_mentors, from, end - from, j);
            if (at < 0)
                continue;
            collector.OfferListed(_mentors.AsSpan(from, at - from), _scores.AsSpan(from, at - from));
            from = at + 1;
        }
        collector.OfferListed(_mentors.AsSpan(from, end - from), _scores.AsSpan(from, end - from));
    }
}

internal static class ForbiddenPairs
{
    public static int[][] ByMentee(int mentees, int mentors, IEnumerable<(int Mentee, int Mentor)> pairs)
    {
        var lists = new List<int>?[mentees];
        foreach (var (i, j) in pairs)
        {
            if ((uint)i >= (uint)mentees || (uint)j >= (uint)mentors)
                throw new AssignmentException($"forbidden pair ({i}, {j}) is out of range");
            (lists[i] ??= []).Add(j);
        }
        var byMentee = new int[mentees][];
        for (int i = 0; i < mentees; i++)
            byMentee[i] = lists[i] is { } list ? [.. list.Distinct().Order()] : [];
        return byMentee;
    }
}
