using Flipside.Matching.Profiles;
using Flipside.Matching.Scoring;

namespace Flipside.Matching.Suggestions;

/// <summary>One person suggested to another, with the pair's score and its parts.</summary>
public sealed record Suggestion(string MenteeId, string MentorId, long Score, IReadOnlyList<ScorePart> Parts);

/// <summary>
/// Suggestions for programs where people choose: each person gets a short list of eligible people on the other side,
/// best scores first, spread so that nobody is shown to many more people than they can take. Everyone gets their
/// first suggestion before anyone gets a second, the people with the fewest eligible options choosing first, and a
/// person is shown to at most capacity × exposure others (a mentee's capacity is 1). Pure and deterministic.
/// </summary>
public static class Suggester
{
    public const int DefaultPerPerson = 5;
    public const int DefaultExposure = 3;

    /// <summary>Mentors suggested to each mentee (keyed by mentee id); mentors without room are never suggested.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Suggestion>> MentorsForMentees(MatchRequest request, int perPerson = DefaultPerPerson,
        int exposure = DefaultExposure)
    {
        var c = new CompiledCohort(request);
        var lists = Spread(c.Mentees.Length, c.Mentors.Length, j => c.Mentors[j].Capacity * exposure, (i, j) => c.Mentors[j].Capacity > 0 && c.Eligible(i, j),
            (i, j) => c.Score(i, j), i => c.Mentees[i].Id, j => c.Mentors[j].Id, perPerson);
        return Enumerable.Range(0, c.Mentees.Length).ToDictionary(i => c.Mentees[i].Id,
            i => (IReadOnlyList<Suggestion>)[.. lists[i].Select(j => new Suggestion(c.Mentees[i].Id, c.Mentors[j].Id, c.Score(i, j), PairExplainer.Explain(c, i, j)))]);
    }

    /// <summary>Mentees suggested to each mentor with room (keyed by mentor id).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Suggestion>> MenteesForMentors(MatchRequest request, int perPerson = DefaultPerPerson,
        int exposure = DefaultExposure)
    {
        var c = new CompiledCohort(request);
        var lists = Spread(c.Mentors.Length, c.Mentees.Length, _ => exposure, (j, i) => c.Mentors[j].Capacity > 0 && c.Eligible(i, j),
            (j, i) => c.Score(i, j), j => c.Mentors[j].Id, i => c.Mentees[i].Id, perPerson);
        return Enumerable.Range(0, c.Mentors.Length).ToDictionary(j => c.Mentors[j].Id,
            j => (IReadOnlyList<Suggestion>)[.. lists[j].Select(i => new Suggestion(c.Mentees[i].Id, c.Mentors[j].Id, c.Score(i, j), PairExplainer.Explain(c, i, j)))]);
    }

    // Choosers (k) take candidates (o) in rounds, scarcest chooser first; each takes its best candidate still under its cap.
    private static List<int>[] Spread(int choosers, int candidates, Func<int, int> cap, Func<int, int, bool> eligible, Func<int, int, long> score,
        Func<int, string> chooserId, Func<int, string> candidateId, int perPerson)
    {
        var ranked = new int[choosers][];
        for (int k = 0; k < choosers; k++)
        {
            ranked[k] = [.. Enumerable.Range(0, candidates).Where(o => eligible(k, o))
                .OrderByDescending(o => score(k, o)).ThenBy(candidateId, StringComparer.Ordinal)];
        }
        var order = Enumerable.Range(0, choosers).OrderBy(k => ranked[k].Length).ThenBy(chooserId, StringComparer.Ordinal).ToArray();
        var shown = new int[candidates];
        var next = new int[choosers];
        var lists = Enumerable.Range(0, choosers).Select(_ => new List<int>()).ToArray();
        for (int round = 0; round < perPerson; round++)
        {
            foreach (int k in order)
            {
                while (next[k] < ranked[k].Length && shown[ranked[k][next[k]]] >= cap(ranked[k][next[k]]))
                    next[k]++;
                if (next[k] == ranked[k].Length) continue;
                int o = ranked[k][next[k]++];
                shown[o]++;
                lists[k].Add(o);
            }
        }
        return lists;
    }
}
