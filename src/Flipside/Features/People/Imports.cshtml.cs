using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.People;

/// <summary>The import history: what each import did, and undoing one after a confirmation that says what it reverses.</summary>
public sealed class ImportsModel(FlipsideDb db, Viewer viewer, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ImportHistoryList.Row> Rows { get; private set; } = [];
    /// <summary>The import an Undo button was pressed for, awaiting the confirmation.</summary>
    public ImportHistoryList.Row? Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? undo, CancellationToken ct)
    {
        await Load(undo, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUndoAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            ModelState.AddModelError("", "Tick the box to confirm the undo, or cancel.");
            await Load(id, ct);
            return Page();
        }
        return await this.Apply(UndoImport.Handle(id, viewer, db, clock, ct), result =>
        {
            TempData["Status"] = result.Summary;
            return RedirectToPage();
        }, async () =>
        {
            await Load(null, ct);
            return Page();
        }, field: "");
    }

    private async Task Load(Guid? undo, CancellationToken ct)
    {
        var rows = await ImportHistoryList.Handle(viewer, db, ct);
        Rows = rows.IsOk ? rows.Value : [];
        Confirming = Rows.FirstOrDefault(r => r.Id == undo && r.UndoneAt is null);
    }
}
