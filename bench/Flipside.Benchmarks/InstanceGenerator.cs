using System.Text;

namespace Flipside.Benchmarks;

/// <summary>
/// Writes seeded benchmark instances in the MBINST01 format: uniform integer scores in [0, 10^6),
/// built to be feasible (every mentee can be placed).
/// </summary>
public static class InstanceGenerator
{
    private const int ScoreRange = 1_000_000;

    public static int Run(Arguments args)
    {
        string kind = args.Required("kind");
        int mentees = args.Int("mentees", 2000), mentors = args.Int("mentors", 2000);
        int seed = args.Int("seed", 42);
        string path = args.Required("out");
        var random = new Random(seed);
        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream, Encoding.ASCII);
        switch (kind)
        {
            case "dense":
                WriteDense(w, random, mentees, mentors, seed, [.. Enumerable.Repeat(1, mentors)], 0, 0);
                break;
            case "capacitated":
                var caps = Enumerable.Range(0, mentors).Select(_ => random.Next(2, 4)).ToArray();
                WriteDense(w, random, mentees, mentors, seed, caps, forbiddenPerMentee: 5, locked: mentees / 40);
                break;
            case "sparse":
                WriteSparse(w, random, mentees, mentors, seed, args.Int("candidates", 50));
                break;
            default:
                throw new ArgumentException($"--kind must be dense, capacitated or sparse, got '{kind}'");
        }
        Console.WriteLine($"wrote {path}");
        return 0;
    }

    private static void WriteHeader(BinaryWriter w, int kind, int mentees, int mentors, long nnz, int seed, int[] caps)
    {
        w.Write(Encoding.ASCII.GetBytes(InstanceFile.Magic));
        w.Write(kind);
        w.Write(0);
        w.Write(mentees);
        w.Write(mentors);
        w.Write(nnz);
        w.Write((ulong)seed);
        foreach (int c in caps)
            w.Write(c);
    }

    private static void WriteDense(BinaryWriter w, Random random, int mentees, int mentors, int seed, int[] caps,
        int forbiddenPerMentee, int locked)
    {
        WriteHeader(w, 0, mentees, mentors, (long)mentees * mentors, seed, caps);
        for (long k = 0; k < (long)mentees * mentors; k++)
            w.Write(random.Next(ScoreRange));
        // Locked pairs take distinct mentees and mentors so they never exceed a capacity; forbidden pairs
        // avoid the locked ones. A handful per mentee out of many mentors keeps every instance feasible.
        var lockedPairs = Enumerable.Range(0, locked).Select(k => (Mentee: k * (mentees / Math.Max(1, locked)), Mentor: k % mentors)).ToList();
        var lockedSet = lockedPairs.ToHashSet();
        var forbidden = new List<(int, int)>();
        for (int i = 0; i < mentees; i++)
        {
            foreach (int j in Enumerable.Range(0, forbiddenPerMentee).Select(_ => random.Next(mentors)).Distinct())
            {
                if (!lockedSet.Contains((i, j)))
                    forbidden.Add((i, j));
            }
        }
        WritePairs(w, forbidden);
        WritePairs(w, lockedPairs);
    }

    private static void WriteSparse(BinaryWriter w, Random random, int mentees, int mentors, int seed, int perMentee)
    {
        WriteHeader(w, 1, mentees, mentors, (long)mentees * perMentee, seed, [.. Enumerable.Repeat(1, mentors)]);
        var rows = new int[mentees][];
        for (int i = 0; i < mentees; i++)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < perMentee)
                chosen.Add(random.Next(mentors));
            rows[i] = [.. chosen.Order()];
        }
        for (int i = 0; i <= mentees; i++)
            w.Write((long)i * perMentee);
        foreach (var row in rows)
        {
            foreach (int j in row)
                w.Write(j);
        }
        for (long k = 0; k < (long)mentees * perMentee; k++)
            w.Write(random.Next(ScoreRange));
        WritePairs(w, []);
        WritePairs(w, []);
    }

    private static void WritePairs(BinaryWriter w, List<(int Mentee, int Mentor)> pairs)
    {
        w.Write(pairs.Count);
        foreach (var (i, j) in pairs)
        {
            w.Write(i);
            w.Write(j);
        }
    }
}
