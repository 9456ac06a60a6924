using Flipside.Domain;

namespace Flipside.Features.Agreements;

public enum SectionChangeKind { Added, Removed, Changed }

/// <summary>One section that differs between two versions, with its text before and after.</summary>
public sealed record SectionChange(string Key, string Title, SectionChangeKind Kind, string Before, string After);

/// <summary>What changed between two versions of an agreement, section by section, in the later version's order.</summary>
public static class AgreementDiff
{
    public static IReadOnlyList<SectionChange> Between(IReadOnlyList<AgreementSection> from, IReadOnlyList<AgreementSection> to)
    {
        var before = from.ToDictionary(s => s.Key);
        var changes = new List<SectionChange>();
        foreach (var s in to)
        {
            if (!before.TryGetValue(s.Key, out var old)) changes.Add(new(s.Key, s.Title, SectionChangeKind.Added, "", s.Text));
            else if (old.Text != s.Text || old.Title != s.Title) changes.Add(new(s.Key, s.Title, SectionChangeKind.Changed, old.Text, s.Text));
        }
        var keys = to.Select(s => s.Key).ToHashSet();
        changes.AddRange(from.Where(s => !keys.Contains(s.Key)).Select(s => new SectionChange(s.Key, s.Title, SectionChangeKind.Removed, s.Text, "")));
        return changes;
    }
}
