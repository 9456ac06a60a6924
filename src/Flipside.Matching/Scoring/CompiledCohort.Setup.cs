using Flipside.Matching.Profiles;

namespace Flipside.Matching.Scoring;

internal sealed partial class CompiledCohort
{
    // One side's people as parallel arrays, indexed like Mentees or Mentors.
    private sealed class Side
    {
        public readonly int[] Grade;
        public readonly int[] Person;
        public readonly int[][] Chain;
        public readonly ulong[] Interests;   // InterestWords bit words per person
        public readonly ulong[] Languages;   // LanguageWords bit words per person
        public readonly int InterestWords;
        public readonly int LanguageWords;
        public readonly int[] Department;
        public readonly int[] Location;
        public readonly int[] Style;
        public readonly MeetingMode[] Mode;
        public readonly int[] Generation;
        public readonly WeekHours[] Availability;

        public Side(Participant[] people, Indexes index)
        {
            int n = people.Length;
            (Grade, Person, Chain, Department, Location, Style, Mode, Generation, Availability) =
                (new int[n], new int[n], new int[n][], new int[n], new int[n], new int[n], new MeetingMode[n], new int[n], new WeekHours[n]);
            InterestWords = Words(index.Interests);
            LanguageWords = Words(index.Languages);
            Interests = new ulong[n * InterestWords];
            Languages = new ulong[n * LanguageWords];
            // One pass a person: this runs over every mentor of a large cohort.
            for (int k = 0; k < n; k++)
            {
                var p = people[k];
                Grade[k] = p.Grade;
                Person[k] = index.People[p.Id];
                var chain = new int[p.ManagerChain.Count];
                for (int c = 0; c < chain.Length; c++)
                    chain[c] = index.People[p.ManagerChain[c]];
                Chain[k] = chain;
                SetBits(Interests.AsSpan(k * InterestWords, InterestWords), p.Interests, index.Interests);
                SetBits(Languages.AsSpan(k * LanguageWords, LanguageWords), p.Languages, index.Languages);
                Department[k] = index.Departments[p.Department];
                Location[k] = index.Locations[p.Location];
                Style[k] = p.CommunicationStyle;
                Mode[k] = p.MeetingMode;
                Generation[k] = p.Generation is { } g ? (int)g : -1;
                Availability[k] = p.Availability;
            }
        }

        private static int Words(Dictionary<string, int> index) => Math.Max(1, (index.Count + 63) / 64);

        private static void SetBits(Span<ulong> words, IReadOnlyList<string> names, Dictionary<string, int> index)
        {
            foreach (var name in names)
            {
                int k = index[name];
                words[k / 64] |= 1UL << (k % 64);
            }
        }
    }

    // Refused up front, in words: two people with one id on the same side would make the result depend on input
    // order (ties break by id) and fail later lookups by id; a negative capacity would reach the solver by index.
    private void CheckPeople()
    {
        foreach (var (people, side) in new[] { (Mentees, "mentee"), (Mentors, "mentor") })
        {
            for (int k = 1; k < people.Length; k++)
            {
                if (people[k].Id == people[k - 1].Id)
                    throw new ArgumentException($"{side} id {people[k].Id} appears more than once; every {side} needs an id of their own");
            }
        }
        if (Mentors.FirstOrDefault(p => p.Capacity < 0) is { } negative)
            throw new ArgumentException($"mentor {negative.Id} has a negative capacity ({negative.Capacity})");
    }

    // Every name a cohort uses, numbered in order of first appearance, mentees first.
    private sealed record Indexes(Dictionary<string, int> Interests, Dictionary<string, int> Languages,
        Dictionary<string, int> People, Dictionary<string, int> Departments, Dictionary<string, int> Locations)
    {
        // Each index is independent of the others: built on both cores.
        public static Indexes Of(Participant[] everyone)
        {
            var indexes = new Dictionary<string, int>[5];
            Parallel.Invoke(
                () => indexes[0] = BitIndex(everyone.SelectMany(p => p.Interests)),
                () => indexes[1] = BitIndex(everyone.SelectMany(p => p.Languages)),
                () => indexes[2] = BitIndex(everyone.SelectMany(p => p.ManagerChain.Prepend(p.Id))),
                () => indexes[3] = BitIndex(everyone.Select(p => p.Department)),
                () => indexes[4] = BitIndex(everyone.Select(p => p.Location)));
            return new(indexes[0], indexes[1], indexes[2], indexes[3], indexes[4]);
        }
    }

    private static Dictionary<string, int> BitIndex(IEnumerable<string> names)
    {
        var index = new Dictionary<string, int>();
        foreach (var name in names)
            index.TryAdd(name, index.Count);
        return index;
    }

    // Credit is 2 × proficiency for a skill taught, or the plain proficiency (half credit) of the
    // best related skill in the same family: whole numbers keep scores exact. Laid out skill by skill
    // so that one mentee's complementarity with every mentor is a few vector passes.
    private byte[] SkillCredit(Dictionary<string, int> skillIndex, int[][] relatedSkills, int stride)
    {
        var credit = new byte[Math.Max(1, skillIndex.Count) * stride];
        for (int j = 0; j < Mentors.Length; j++)
        {
            foreach (var (skill, level) in Mentors[j].Skills)
            {
                int k = skillIndex[skill];
                Raise(ref credit[(k * stride) + j], Math.Clamp(2 * level, 0, 10));
                foreach (int related in relatedSkills[k])
                    Raise(ref credit[(related * stride) + j], Math.Clamp(level, 0, 5));
            }
        }
        return credit;

        static void Raise(ref byte value, int to) => value = (byte)Math.Max(value, to);
    }

    // For each skill index, the other skills of its family.
    private int[][] RelatedSkills(Dictionary<string, int> skillIndex)
    {
        var names = skillIndex.OrderBy(s => s.Value).Select(s => s.Key).ToArray();
        var byFamily = names.Select((name, k) => (Family: Rules.Taxonomy.FamilyOf(name), k)).Where(x => x.Family is not null)
            .GroupBy(x => x.Family!).ToDictionary(g => g.Key, g => g.Select(x => x.k).ToArray());
        return [.. names.Select((name, k) => Rules.Taxonomy.FamilyOf(name) is { } family ? byFamily[family].Where(o => o != k).ToArray() : [])];
    }

    // The first goal weighs most: priorities G, G-1, …, 1 scaled so the coefficients sum to about 10,
    // which with credit up to 10 puts the part on the 0–100 scale.
    private static int[] GoalCoefficients(int goals)
    {
        int total = goals * (goals + 1) / 2;
        return [.. Enumerable.Range(0, goals).Select(g => ((10 * (goals - g)) + (total / 2)) / Math.Max(1, total))];
    }

    private int[][] BlockedMentors(MatchRequest request)
    {
        // Someone may mentor up and be mentored down in one cohort, but is never their own pair.
        // (The sides are sorted by id, so this is a binary search a mentee.)
        var selves = Mentees.Where(p => IndexOfMentor(p.Id) >= 0).Select(p => new PairIds(p.Id, p.Id)).ToList();
        if (selves.Count == 0 && request.Exclusions.Count == 0 && (Rules.AllowRepeatPairings || request.PreviousPairings.Count == 0))
            return [.. Mentees.Select(_ => Array.Empty<int>())];
        var pairs = request.Exclusions.Concat(selves);
        if (!Rules.AllowRepeatPairings)
            pairs = pairs.Concat(request.PreviousPairings);
        var mentee = Mentees.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var mentor = Mentors.Select((p, j) => (p.Id, j)).ToDictionary(x => x.Id, x => x.j);
        var lists = Mentees.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var pair in pairs)
        {
            if (mentee.TryGetValue(pair.MenteeId, out int i) && mentor.TryGetValue(pair.MentorId, out int j))
                lists[i].Add(j);
        }
        return [.. lists.Select(l => l.ToArray())];
    }
}
