using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Agreements;

/// <summary>
/// Either partner rewrites the sections the pair may edit. A real change writes a new version that neither has signed,
/// so both sign again, and the partner is told by email (which names no section and quotes nothing).
/// </summary>
public static class EditAgreement
{
    public sealed record Request(Guid PairingId, int? Revision, IReadOnlyDictionary<string, string?>? Sections);

    public sealed record Edited(int Revision, bool Changed);

    public static async Task<Outcome<Edited>> Handle(Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, r.PairingId, ct) is not { } pair) return Outcome.NotFound;
        if (r.Revision is not { } opened) return Outcome.Invalid("revision", "Send the revision you edited, as the agreement gave it.");
        if (r.Sections is not { Count: > 0 } sections) return Outcome.Invalid("sections", "Send at least one section to change, by its key.");
        if (pair.RefuseChangeUnlessRunning("agreement") is { } ended) return ended;
        var agreement = await LoadAgreement.OrCreate(pair, db, clock, ct);
        var editable = agreement.Current.Sections.Where(s => s.PairEditable).ToDictionary(s => s.Key);
        var errors = new List<FieldError>();
        foreach (var (key, text) in sections)
        {
            if (!editable.ContainsKey(key))
                errors.Add(new($"sections.{key}", $"\"{key}\" is not a section the pair can edit; those are {string.Join(", ", editable.Keys)}."));
            else if (ProgramGuidelines.Normalise(text ?? "").Length > Agreement.SectionMaxLength)
                errors.Add(new($"sections.{key}", $"Keep \"{editable[key].Title}\" to {Agreement.SectionMaxLength} characters; it has {ProgramGuidelines.Normalise(text ?? "").Length}."));
        }
        if (errors.Count > 0) return Outcome.Invalid(errors);
        if (opened != agreement.CurrentRevision)
            return Outcome.Conflict($"The agreement changed since you opened it (version {opened}; it is now version {agreement.CurrentRevision}). Reload to see the change, then edit again.");
        var now = clock.GetUtcNow();
        if (!agreement.Edit(sections.ToDictionary(s => s.Key, s => s.Value ?? ""), pair.MyRole, now)) return new Edited(agreement.CurrentRevision, false);
        await AgreementEmails.AskPartnerToSignAgain(pair, agreement.CurrentRevision, baseUrl, db, now, ct);
        db.Record(viewer, now, "agreement.changed", "Pairing", pair.PairingId, $"version {agreement.CurrentRevision} by the {pair.MyRole.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
        return new Edited(agreement.CurrentRevision, true);
    }
}
