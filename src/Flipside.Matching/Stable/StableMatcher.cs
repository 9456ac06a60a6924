using Flipside.Matching.Profiles;
using Flipside.Matching.Scoring;

namespace Flipside.Matching.Stable;

/// <summary>A person's ranking of the other side, most wanted first; capacity matters for mentors only.</summary>
public sealed record Ranking(string Id, IReadOnlyList<string> Prefers, int Capacity = 1);

/// <summary>A mentee and mentor who both prefer each other to what they got.</summary>
public readonly record struct BlockingPair(string MenteeId, string MentorId);

/// <summary>The stable matching and its check.</summary>
public sealed record StableResult(IReadOnlyDictionary<string, string> MentorOfMentee, IReadOnlyList<BlockingPair> BlockingPairs)
{
    /// <summary>
    /// Everyone left without a pairing, mentees first, each side in id order, with reasons; filled by the
    /// entry point that takes a <see cref="MatchRequest"/>.
    /// </summary>
    public IReadOnlyList<UnmatchedPerson> Unmatched { get; init; } = [];
}

/// <summary>
/// For programs where people rank each other: mentee-proposing deferred acceptance with mentor
/// capacities (Gale–Shapley), which is stable and the best stable outcome for every mentee.
/// Only mutually acceptable pairs (each ranks the other) are ever made.
/// </summary>
public static class StableMatcher
{
    /// <summary>
    /// Deferred acceptance under a program's hard constraints: only eligible pairs (grade gap, no reporting line
    /// either way, no exclusion, no disallowed repeat) are ever made, whatever the rankings say; the request's locked
    /// pairs stay and use their mentor's capacity; capacities come from the request's mentors (a ranking's own
    /// capacity is ignored). A person without a ranking ranks nobody. Blocking pairs are counted among eligible pairs
    /// of people who are not locked, and every unmatched person comes with reasons.
    /// </summary>
    public static StableResult Match(MatchRequest request, IReadOnlyList<Ranking> menteeRankings, IReadOnlyList<Ranking> mentorRankings) =>
        Match(new CompiledCohort(request), request, menteeRankings, mentorRankings);

    /// <summary>
    /// The stable matching of <see cref="Match(MatchRequest, IReadOnlyList{Ranking}, IReadOnlyList{Ranking})"/> as a run's
    /// result, so that it is saved and reviewed like an optimal run: each pair scored and explained with the request's
    /// weights (the score orders nothing here), locked pairs marked, the unmatched with their reasons. Never
    /// <see cref="MatchResult.ProvenOptimal"/>: stability, not the total, is what it guarantees.
    /// </summary>
    public static MatchResult Propose(MatchRequest request, IReadOnlyList<Ranking> menteeRankings, IReadOnlyList<Ranking> mentorRankings)
    {
        var c = new CompiledCohort(request);
        var stable = Match(c, request, menteeRankings, mentorRankings);
        var locked = request.Locked.ToHashSet();
        var pairings = stable.MentorOfMentee.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            int i = c.IndexOfMentee(p.Key), j = c.IndexOfMentor(p.Value);
            return new PairingProposal(p.Key, p.Value, c.Score(i, j), PairExplainer.Explain(c, i, j), locked.Contains(new PairIds(p.Key, p.Value)));
        }).ToList();
        return new MatchResult(pairings, stable.Unmatched, pairings.Sum(p => p.Score), ProvenOptimal: false, Rounds: 0);
    }

    private static StableResult Match(CompiledCohort c, MatchRequest request, IReadOnlyList<Ranking> menteeRankings, IReadOnlyList<Ranking> mentorRankings)
    {
        var locked = Matcher.LockedPairs(c, request);
        var lockedMentor = new int[c.Mentees.Length];
        Array.Fill(lockedMentor, -1);
        var room = c.Mentors.Select(p => Math.Max(0, p.Capacity)).ToArray();
        foreach (var (i, j) in locked)
        {
            lockedMentor[i] = j;
            room[j]--;
        }
        var menteePrefers = Preferences(menteeRankings, c.Mentees.Length, c.IndexOfMentee, c.IndexOfMentor, "mentee", (i, j) => lockedMentor[i] < 0 && c.Eligible(i, j));
        var mentorPrefers = Preferences(mentorRankings, c.Mentors.Length, c.IndexOfMentor, c.IndexOfMentee, "mentor", (j, i) => lockedMentor[i] < 0 && c.Eligible(i, j));
        // Deferred acceptance and its check run on the rankings with every ineligible or locked pair taken out.
        var mentees = c.Mentees.Select((p, i) => new Ranking(p.Id, [.. menteePrefers[i].Select(j => c.Mentors[j].Id)])).ToList();
        var mentors = c.Mentors.Select((p, j) => new Ranking(p.Id, [.. mentorPrefers[j].Select(i => c.Mentees[i].Id)], room[j])).ToList();
        var free = Match(mentees, mentors);
        var mentorOf = new Dictionary<string, string>(free.MentorOfMentee);
        foreach (var (i, j) in locked)
            mentorOf[c.Mentees[i].Id] = c.Mentors[j].Id;

        var acceptable = mentorPrefers.Select(list => list.ToHashSet()).ToArray();
        var unmatched = new List<UnmatchedPerson>();
        for (int i = 0; i < c.Mentees.Length; i++)
        {
            if (!mentorOf.ContainsKey(c.Mentees[i].Id))
                unmatched.Add(new UnmatchedPerson(c.Mentees[i].Id, true, MenteeReasons(c, i, menteePrefers[i], acceptable, room)));
        }
        var matchedMentors = mentorOf.Values.ToHashSet();
        var acceptedBy = menteePrefers.Select(list => list.ToHashSet()).ToArray();
        for (int j = 0; j < c.Mentors.Length; j++)
        {
            if (!matchedMentors.Contains(c.Mentors[j].Id))
                unmatched.Add(new UnmatchedPerson(c.Mentors[j].Id, false, MentorReasons(c, j, mentorPrefers[j], acceptedBy)));
        }
        return new StableResult(mentorOf, free.BlockingPairs) { Unmatched = unmatched };
    }

    // Each person's ranking as indexes of the other side, first mention only, kept where allowed; people
    // without a ranking rank nobody, and ids the cohort does not know are dropped.
    private static int[][] Preferences(IReadOnlyList<Ranking> rankings, int people, Func<string, int> ownIndex, Func<string, int> otherIndex,
        string side, Func<int, int, bool> allowed)
    {
        var lists = new int[people][];
        foreach (var ranking in rankings)
        {
            int k = ownIndex(ranking.Id);
            if (k < 0)
                throw new ArgumentException($"a ranking names {side} {ranking.Id}, who is not in the cohort");
            if (lists[k] is not null)
                throw new ArgumentException($"{side} {ranking.Id} has more than one ranking");
            lists[k] = [.. ranking.Prefers.Select(otherIndex).Where(o => o >= 0 && allowed(k, o)).Distinct()];
        }
        for (int k = 0; k < lists.Length; k++)
            lists[k] ??= [];
        return lists;
    }

    private static List<string> MenteeReasons(CompiledCohort c, int i, int[] prefers, HashSet<int>[] acceptable, int[] room)
    {
        int eligible = c.EligibleCount(i);
        if (eligible == 0)
            return [.. UnmatchedReasons.ForMentee(c, i, 0, default, [])];
        if (prefers.Length == 0)
            return [$"ranks none of its {eligible} eligible mentors"];
        var mutual = prefers.Where(j => acceptable[j].Contains(i)).ToList();
        if (mutual.Count == 0)
            return [$"none of the {prefers.Length} eligible mentors it ranks ranks it back"];
        int noRoom = mutual.Count(j => room[j] <= 0);
        var reasons = new List<string>();
        if (mutual.Count > noRoom)
            reasons.Add($"{mutual.Count - noRoom} of the mentors who rank it back are full with mentees they rank higher");
        if (noRoom > 0)
            reasons.Add($"{noRoom} of the mentors who rank it back have no room (capacity 0 or taken by locked pairs)");
        return reasons;
    }

    private static List<string> MentorReasons(CompiledCohort c, int j, int[] prefers, HashSet<int>[] acceptedBy)
    {
        if (c.Mentors[j].Capacity <= 0)
            return ["capacity is zero"];
        if (prefers.Length == 0)
            return ["ranks no eligible mentee who is free to be matched"];
        int mutual = prefers.Count(i => acceptedBy[i].Contains(j));
        return mutual == 0
            ? [$"none of the {prefers.Length} eligible mentees it ranks ranks it back"]
            : [$"the {mutual} mentees who rank it back are all matched to mentors they rank higher"];
    }

    /// <summary>Runs deferred acceptance and reports the blocking pairs of the result (none, by construction).</summary>
    public static StableResult Match(IReadOnlyList<Ranking> mentees, IReadOnlyList<Ranking> mentors)
    {
        CheckUnique(mentees, "mentee");
        CheckUnique(mentors, "mentor");
        var rank = mentors.ToDictionary(r => r.Id, r => r.Prefers.Select((id, k) => (id, k))
            .GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Min(x => x.k)));
        var capacity = mentors.ToDictionary(r => r.Id, r => r.Capacity);
        var held = mentors.ToDictionary(r => r.Id, _ => new SortedSet<(int Rank, string Mentee)>());
        var next = mentees.ToDictionary(r => r.Id, _ => 0);
        var prefers = mentees.ToDictionary(r => r.Id, r => r.Prefers);
        // Deterministic: free mentees propose in id order.
        var free = new SortedSet<string>(mentees.Select(r => r.Id), StringComparer.Ordinal);
        while (free.Count > 0)
        {
            string mentee = free.Min!;
            var list = prefers[mentee];
            if (next[mentee] >= list.Count)
            {
                free.Remove(mentee);
                continue;
            }
            string mentor = list[next[mentee]++];
            if (!rank.TryGetValue(mentor, out var ranks) || !ranks.TryGetValue(mentee, out int r) || capacity[mentor] == 0)
                continue;
            var holding = held[mentor];
            holding.Add((r, mentee));
            free.Remove(mentee);
            if (holding.Count > capacity[mentor])
            {
                var rejected = holding.Max;
                holding.Remove(rejected);
                free.Add(rejected.Mentee);
            }
        }
        var mentorOf = held.SelectMany(h => h.Value.Select(x => (x.Mentee, Mentor: h.Key)))
            .ToDictionary(x => x.Mentee, x => x.Mentor);
        return new StableResult(mentorOf, BlockingPairs(mentees, mentors, mentorOf));
    }

    /// <summary>
    /// Every mutually acceptable pair where the mentee prefers the mentor to its own match and the mentor
    /// has room or prefers the mentee to its worst match.
    /// </summary>
    public static IReadOnlyList<BlockingPair> BlockingPairs(IReadOnlyList<Ranking> mentees, IReadOnlyList<Ranking> mentors,
        IReadOnlyDictionary<string, string> mentorOf)
    {
        var mentorById = mentors.ToDictionary(r => r.Id);
        var held = mentorOf.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList());
        var blocking = new List<BlockingPair>();
        foreach (var mentee in mentees)
        {
            foreach (var mentor in mentee.Prefers)
            {
                if (mentorOf.TryGetValue(mentee.Id, out var own) && own == mentor)
                    break;
                if (!mentorById.TryGetValue(mentor, out var m) || !m.Prefers.Contains(mentee.Id))
                    continue;
                var assigned = held.TryGetValue(mentor, out var ids) ? ids.Select(id => Rank(m, id)).ToList() : [];
                if (assigned.Count < m.Capacity || (assigned.Count > 0 && assigned.Max() > Rank(m, mentee.Id)))
                    blocking.Add(new BlockingPair(mentee.Id, mentor));
            }
        }
        return blocking;
    }

    private static void CheckUnique(IReadOnlyList<Ranking> rankings, string side)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ranking in rankings)
        {
            if (!seen.Add(ranking.Id))
                throw new ArgumentException($"{side} id {ranking.Id} appears more than once; every {side} needs an id of their own");
        }
    }

    private static int Rank(Ranking mentor, string mentee)
    {
        int k = -1;
        for (int r = 0; r < mentor.Prefers.Count && k < 0; r++)
            k = mentor.Prefers[r] == mentee ? r : -1;
        return k < 0 ? int.MaxValue : k;
    }
}
