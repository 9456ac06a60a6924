using System.Text.Json;

namespace Flipside.Domain;

/// <summary>
/// One part of an agreement. Sections the program generates are the same for every pair; sections the pair may edit
/// hold their own words. A private section is read by the pair alone: no manager, administrator or sponsor view
/// carries its text.
/// </summary>
public sealed record AgreementSection(string Key, string Title, string Text, bool PairEditable, bool Private);

/// <summary>
/// The charter a pairing's two people sign. Its content lives in numbered revisions that are never changed once
/// written: an edit writes the next revision, which nobody has signed yet, so both sign again and every version
/// someone signed is kept.
/// </summary>
public sealed class Agreement : IVersioned
{
    public const int SectionMaxLength = 4000;

    public Guid PairingId { get; private set; }
    public int CurrentRevision { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>When the current revision got its second signature; null while either has still to sign. Nudges read it.</summary>
    public DateTimeOffset? SignedByBothAt { get; private set; }
    public List<AgreementRevision> Revisions { get; private set; } = [];
    public int Version { get; set; }

    private Agreement() { }

    public Agreement(Guid pairingId, IReadOnlyList<AgreementSection> sections, DateTimeOffset now)
    {
        (PairingId, CreatedAt, CurrentRevision) = (pairingId, now, 1);
        Revisions.Add(new AgreementRevision(pairingId, 1, sections, null, now));
    }

    public AgreementRevision Current => Revisions.Single(r => r.Number == CurrentRevision);

    /// <summary>
    /// Writes the pair's new words into a new revision and clears both signatures. Returns false when nothing changed,
    /// so saving the same text twice asks nobody to sign again.
    /// </summary>
    public bool Edit(IReadOnlyDictionary<string, string> texts, ParticipantRole by, DateTimeOffset now)
    {
        var sections = Current.Sections.ToList();
        var changed = false;
        foreach (var (key, value) in texts)
        {
            var i = sections.FindIndex(s => s.Key == key);
            if (i < 0 || !sections[i].PairEditable) throw new DomainException($"The section \"{key}\" is not one the pair can edit.");
            var text = ProgramGuidelines.Normalise(value);
            if (text.Length > SectionMaxLength) throw new DomainException($"Keep each section to {SectionMaxLength} characters.");
            if (text == sections[i].Text) continue;
            sections[i] = sections[i] with { Text = text };
            changed = true;
        }
        if (!changed) return false;
        CurrentRevision++;
        Revisions.Add(new AgreementRevision(PairingId, CurrentRevision, sections, by, now));
        SignedByBothAt = null;
        return true;
    }

    public void Sign(ParticipantRole who, int revision, DateTimeOffset now)
    {
        if (revision != CurrentRevision)
            throw new DomainException($"The agreement has changed since version {revision}: it is now version {CurrentRevision}. Read what changed, then sign the current version.");
        var current = Current;
        if (current.SignedAt(who) is not null) throw new DomainException($"You already signed version {revision} of this agreement.");
        current.SignBy(who, now);
        if (current.MentorSignedAt is not null && current.MenteeSignedAt is not null) SignedByBothAt = now;
    }
}

/// <summary>One version of an agreement's content, with who signed it and when.</summary>
public sealed class AgreementRevision
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PairingId { get; private set; }
    public int Number { get; private set; }
    /// <summary>The sections as JSON: a revision is read and written whole, never queried by section.</summary>
    public string SectionsJson { get; private set; } = "[]";
    /// <summary>Which partner's edit made it; null for the version the program generated.</summary>
    public ParticipantRole? ChangedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? MentorSignedAt { get; private set; }
    public DateTimeOffset? MenteeSignedAt { get; private set; }

    private AgreementRevision() { }

    public AgreementRevision(Guid pairingId, int number, IReadOnlyList<AgreementSection> sections, ParticipantRole? changedBy, DateTimeOffset now)
    {
        (PairingId, Number, ChangedBy, CreatedAt) = (pairingId, number, changedBy, now);
        SectionsJson = JsonSerializer.Serialize(sections, JsonOptions);
    }

    public IReadOnlyList<AgreementSection> Sections => JsonSerializer.Deserialize<List<AgreementSection>>(SectionsJson, JsonOptions) ?? [];

    public DateTimeOffset? SignedAt(ParticipantRole who) => who == ParticipantRole.Mentor ? MentorSignedAt : MenteeSignedAt;

    public bool SignedByBoth => MentorSignedAt is not null && MenteeSignedAt is not null;

    internal void SignBy(ParticipantRole who, DateTimeOffset now)
    {
        if (who == ParticipantRole.Mentor) MentorSignedAt = now;
        else MenteeSignedAt = now;
    }
}
