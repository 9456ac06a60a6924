namespace Flipside.Matching.Stable;

/// <summary>A person's ranking of the other side, most wanted first; capacity matters for mentors only.</summary>
public sealed record Ranking(string Id, IReadOnlyList<string> Prefers, int Capacity = 1);

/// <summary>A mentee and mentor who both prefer each other to what they got.</summary>
public readonly record struct BlockingPair(string MenteeId, string MentorId);

/// <summary>The stable matching and its check.</summary>
public sealed record StableResult(IReadOnlyDictionary<string, string> MentorOfMentee, IReadOnlyList<BlockingPair> BlockingPairs);

/// <summary>
/// For programs where people rank each other: mentee-proposing deferred acceptance with mentor
/// capacities (Gale–Shapley), which is stable and the best stable outcome for every mentee.
/// Only mutually acceptable pairs (each ranks the other) are ever made.
/// </summary>
public static class StableMatcher
{
    /// <summary>Runs deferred acceptance and reports the blocking pairs of the result (none, by construction).</summary>
    public static StableResult Match(IReadOnlyList<Ranking> mentees, IReadOnlyList<Ranking> mentors)
    {
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
        var blocking = new List<BlockingPair>();
        foreach (var mentee in mentees)
        {
            foreach (var mentor in mentee.Prefers)
            {
                if (mentorOf.TryGetValue(mentee.Id, out var own) && own == mentor)
                    break;
                if (!mentorById.TryGetValue(mentor, out var m) || !m.Prefers.Contains(mentee.Id))
                    continue;
                var assigned = mentorOf.Where(p => p.Value == mentor).Select(p => Rank(m, p.Key)).ToList();
                if (assigned.Count < m.Capacity || (assigned.Count > 0 && assigned.Max() > Rank(m, mentee.Id)))
                    blocking.Add(new BlockingPair(mentee.Id, mentor));
            }
        }
        return blocking;
    }

    private static int Rank(Ranking mentor, string mentee)
    {
        int k = -1;
        for (int r = 0; r < mentor.Prefers.Count && k < 0; r++)
            k = mentor.Prefers[r] == mentee ? r : -1;
        return k < 0 ? int.MaxValue : k;
    }
}
