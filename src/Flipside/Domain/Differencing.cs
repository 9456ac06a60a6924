using System.Numerics;

namespace Flipside.Domain;

/// <summary>
/// Whether a set of published groups lets someone work out a group of fewer than k people by adding and subtracting
/// their figures. Sums are what leak: a mean shown with its n gives the group's sum, and any combination
/// Σ cᵢ·sum(Gᵢ) that equals the sum over a set S of people describes S. People who belong to exactly the same shown
/// groups (an "atom") always move together, so S is a union of atoms; and S is derivable exactly when its indicator
/// lies in the span of the shown groups' indicators. Comparing groups two at a time misses A, B and A∪B (which give
/// A∩B) and a total beside all but one of its cells; this looks at all of them at once.
/// </summary>
internal sealed class Differencing
{
    private readonly List<(int[] Groups, int Size)> _atoms;

    /// <summary>The atoms of all candidate groups, computed once: each check then works on a few atoms, not on people.</summary>
    public Differencing(IReadOnlyList<IReadOnlySet<string>> candidates)
    {
        var membership = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
            foreach (var person in candidates[i])
                (membership.TryGetValue(person, out var list) ? list : membership[person] = []).Add(i);
        _atoms = [.. membership.Values.GroupBy(g => string.Join(',', g)).Select(g => (g.First().ToArray(), g.Count()))];
    }

    /// <summary>True when the shown candidates (by index) let some group of 1 to k−1 people be derived.</summary>
    public bool LetsDeriveFewerThan(IReadOnlyCollection<int> shown, int k)
    {
        var rows = shown.Order().ToList();
        // Atoms as the shown groups see them: the same shown groups make one column, whatever else they belong to.
        var columns = _atoms.Select(a => (Key: string.Join(',', a.Groups.Where(shown.Contains)), a.Size)).Where(a => a.Key.Length > 0)
            .GroupBy(a => a.Key).Select(g => (Groups: g.Key.Split(',').Select(int.Parse).ToHashSet(), Size: g.Sum(a => a.Size)))
            .OrderByDescending(c => c.Size).ThenBy(c => string.Join(',', c.Groups.Order()), StringComparer.Ordinal).ToList();
        if (columns.Any(c => c.Size < k) is false) return false;
        var matrix = rows.Select(r => columns.Select(c => c.Groups.Contains(r) ? Fraction.One : Fraction.Zero).ToArray()).ToList();
        var (basis, pivots) = Reduce(matrix, columns.Count);
        // Any vector of the span is Σ v[pivotᵢ]·basisᵢ; a 0/1 vector takes coefficient 1 on the pivots it covers. Large atoms
        // come first, so they are the pivots where they can be, and only small pivots summing under k need trying.
        var small = Enumerable.Range(0, basis.Count).Where(i => columns[pivots[i]].Size < k).ToList();
        return Search(small, 0, new Fraction[columns.Count], 0, basis, columns.Select(c => c.Size).ToArray(), k, chosen: 0);
    }

    private static bool Search(List<int> small, int from, Fraction[] sum, int weight, List<Fraction[]> basis, int[] sizes, int k, int chosen)
    {
        if (chosen > 0 && IsSmallIndicator(sum, sizes, k)) return true;
        for (var i = from; i < small.Count; i++)
        {
            var row = basis[small[i]];
            var next = new Fraction[sum.Length];
            for (var j = 0; j < sum.Length; j++) next[j] = sum[j] + row[j];
            var pivotWeight = weight + PivotSize(row, sizes);
            if (pivotWeight >= k) continue;
            if (Search(small, i + 1, next, pivotWeight, basis, sizes, k, chosen + 1)) return true;
        }
        return false;
    }

    private static int PivotSize(Fraction[] row, int[] sizes) => sizes[Array.FindIndex(row, f => !f.IsZero)];

    private static bool IsSmallIndicator(Fraction[] v, int[] sizes, int k)
    {
        var weight = 0;
        for (var j = 0; j < v.Length; j++)
        {
            if (v[j].IsZero) continue;
            if (!v[j].IsOne) return false;
            weight += sizes[j];
        }
        return weight > 0 && weight < k;
    }

    /// <summary>Reduced row echelon form over the rationals: the basis rows and each one's pivot column.</summary>
    private static (List<Fraction[]> Basis, List<int> Pivots) Reduce(List<Fraction[]> rows, int width)
    {
        var basis = new List<Fraction[]>();
        var pivots = new List<int>();
        var m = rows.Select(r => (Fraction[])r.Clone()).ToList();
        var top = 0;
        for (var col = 0; col < width && top < m.Count; col++)
        {
            var at = Enumerable.Range(top, m.Count - top).FirstOrDefault(r => !m[r][col].IsZero, -1);
            if (at < 0) continue;
            (m[top], m[at]) = (m[at], m[top]);
            var lead = m[top][col];
            for (var j = 0; j < width; j++) m[top][j] /= lead;
            for (var r = 0; r < m.Count; r++)
            {
                if (r == top || m[r][col].IsZero) continue;
                var factor = m[r][col];
                for (var j = 0; j < width; j++) m[r][j] -= factor * m[top][j];
            }
            pivots.Add(col);
            top++;
        }
        basis.AddRange(m.Take(top));
        return (basis, pivots);
    }

    /// <summary>An exact rational: elimination over 0/1 rows must not round a 1 into 0.9999.</summary>
    private readonly record struct Fraction(BigInteger Numerator, BigInteger Denominator)
    {
        public static readonly Fraction Zero = new(0, 1);
        public static readonly Fraction One = new(1, 1);
        public bool IsZero => Numerator.IsZero;
        public bool IsOne => !Numerator.IsZero && Numerator == (Denominator.IsZero ? 1 : Denominator);

        private static Fraction Of(BigInteger n, BigInteger d)
        {
            if (n.IsZero) return Zero;
            if (d.Sign < 0) (n, d) = (-n, -d);
            var g = BigInteger.GreatestCommonDivisor(n, d);
            return new(n / g, d / g);
        }

        private Fraction Norm => Denominator.IsZero ? Zero : this;
        public static Fraction operator +(Fraction a, Fraction b) => Of(a.Norm.Numerator * b.Norm.Denominator + b.Norm.Numerator * a.Norm.Denominator, a.Norm.Denominator * b.Norm.Denominator);
        public static Fraction operator -(Fraction a, Fraction b) => a + new Fraction(-b.Norm.Numerator, b.Norm.Denominator);
        public static Fraction operator *(Fraction a, Fraction b) => Of(a.Norm.Numerator * b.Norm.Numerator, a.Norm.Denominator * b.Norm.Denominator);
        public static Fraction operator /(Fraction a, Fraction b) => Of(a.Norm.Numerator * b.Norm.Denominator, a.Norm.Denominator * b.Norm.Numerator);
    }
}
