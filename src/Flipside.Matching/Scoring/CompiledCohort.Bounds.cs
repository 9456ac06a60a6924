using Flipside.Matching.Profiles;

namespace Flipside.Matching.Scoring;

internal sealed partial class CompiledCohort
{
    // Beyond this many distinct mentor timetables, a mentee's own hours bound the overlap instead.
    private const int MaxTimetablesCompared = 256;

    /// <summary>
    /// For each mentee, a score the availability part cannot exceed with any mentor: the most time it
    /// shares with any mentor's timetable (or its own time, when the timetables are too many to compare).
    /// Must never be below the true part of a pair: the pairs skipped when collecting candidates are proven with it.
    /// </summary>
    private long[] AvailabilityBounds()
    {
        int weight = Rules.Weights.AvailabilityOverlap;
        WeekHours[]? timetables = [.. _mentor.Availability.Distinct().Take(MaxTimetablesCompared + 1)];
        if (timetables.Length > MaxTimetablesCompared)
            timetables = null;
        var bounds = new long[Mentees.Length];
        for (int i = 0; i < bounds.Length && weight > 0 && Mentors.Length > 0; i++)
        {
            var hours = _mentee.Availability[i];
            bounds[i] = (long)weight * _overlapPoints[timetables?.Max(t => hours.OverlapSlots(t)) ?? hours.Slots];
        }
        return bounds;
    }

    // Per mentee, ascending: the mentors it must never pair with because one manages the other at any
    // depth, or because the pair is excluded or was made before. Looked up through people, never by scanning.
    private int[][] ExcludedMentors(int people)
    {
        var isPerson = new List<int>?[people];
        var under = new List<int>?[people];
        for (int j = 0; j < Mentors.Length; j++)
        {
            (isPerson[_mentor.Person[j]] ??= []).Add(j);
            foreach (int manager in _mentor.Chain[j])
                (under[manager] ??= []).Add(j);
        }
        var excluded = new int[Mentees.Length][];
        for (int i = 0; i < excluded.Length; i++)
        {
            var managers = _mentee.Chain[i].SelectMany(p => isPerson[p] ?? []);
            var reports = under[_mentee.Person[i]] ?? [];
            excluded[i] = _blocked[i].Length == 0 && reports.Count == 0 && _mentee.Chain[i].Length == 0
                ? []
                : [.. _blocked[i].Concat(managers).Concat(reports).Distinct().Order()];
        }
        return excluded;
    }
}
