using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Agreements;

/// <summary>
/// A pairing's agreement, for its two people: the program's guidelines to acknowledge, the sections to read and edit,
/// what changed since the version the reader signed, the signatures, and every earlier version.
/// </summary>
public sealed class AgreementModel(Viewer viewer, FlipsideDb db, PublicUrl url, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PairingId { get; set; }
    public ViewAgreement.View View { get; private set; } = null!;
    public Guidelines.View Guidelines { get; private set; } = null!;
    public IReadOnlyList<AgreementVersions.Row> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostAcknowledgeAsync(int textVersion, CancellationToken ct) =>
        Handle(LoadProgramThen(programId => AcknowledgeGuidelines.Handle(new(programId, textVersion), viewer, db, clock, ct), ct),
            "Thank you: the guidelines are acknowledged.", ct);

    public Task<IActionResult> OnPostSaveAsync(int revision, Dictionary<string, string?> sections, CancellationToken ct) =>
        Handle(EditAgreement.Handle(new(PairingId, revision, sections), viewer, url.Base, db, clock, ct),
            "Saved. Any change asks both of you to sign again.", ct);

    public Task<IActionResult> OnPostSignAsync(int revision, CancellationToken ct) =>
        Handle(SignAgreement.Handle(new(PairingId, revision), viewer, db, clock, ct), "You signed the agreement.", ct);

    private async Task<Outcome<Done>> LoadProgramThen(Func<Guid, Task<Outcome<Done>>> then, CancellationToken ct) =>
        await PairContext.Load(viewer, PairingId, ct) is { } pair ? await then(pair.ProgramId) : Outcome.NotFound;

    private Task<IActionResult> Handle<T>(Task<Outcome<T>> change, string done, CancellationToken ct) =>
        this.ApplyAndRedirect(change, done, () => RedirectToPage(new { PairingId }), async () =>
        {
            db.ChangeTracker.Clear();
            return await Load(ct) ?? Page();
        }, prefix: "");

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var view = await ViewAgreement.Handle(PairingId, viewer, db, clock, ct);
        if (!view.IsOk) return NotFound();
        View = view.Value;
        Guidelines = (await Agreements.Guidelines.Handle(View.ProgramId, viewer, db, ct)).Value;
        Versions = (await AgreementVersions.List(PairingId, viewer, db, clock, ct)).Value;
        return null;
    }
}
