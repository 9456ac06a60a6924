namespace Flipside.Domain;

/// <summary>A whole-number setting's allowed range and the sentence that says so.</summary>
public sealed record IntRule(int Min, int Max, string Message)
{
    public bool Allows(int value) => value >= Min && value <= Max;

    public int Guard(int value) => Allows(value) ? value : throw new DomainException(Message);
}

/// <summary>
/// An aggregate that people edit together. Its version goes up with every saved change and is checked on save,
/// so the second of two overlapping edits is refused instead of silently undoing the first.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// A row whose version goes up with every saved change but is not checked on save: people and profiles are written by
/// imports and by their owners, not through an edit form that carries a version. It lets a reader that compiled something
/// from many rows tell cheaply whether any of them changed since: inserts raise a count, every change raises a sum of
/// versions (the matching's compiled cohort, see Features/Matching/CompiledCohorts).
/// </summary>
public interface IChangeCounted
{
    int Version { get; set; }
}
