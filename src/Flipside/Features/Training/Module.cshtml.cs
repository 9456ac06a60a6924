using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Training;

/// <summary>Take one module: read it, tick the acknowledgement, answer its check questions.</summary>
public sealed class ModuleModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";
    [BindProperty] public bool Acknowledged { get; set; }
    [BindProperty] public List<int?> Answers { get; set; } = [];
    public ReadModule.Module Module { get; private set; } = null!;
    /// <summary>The marked answers after a try that was not right.</summary>
    public CompleteModule.Result? Marked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        this.Apply(CompleteModule.Handle(new(ProgramId, Key, Acknowledged, Answers), viewer, db, clock, ct), async result =>
        {
            if (result.Completed)
            {
                TempData["Status"] = "Module done. Thank you.";
                return RedirectToPage("/Training/Index");
            }
            Marked = result;
            return await Load(ct) ?? Page();
        }, async () => await Load(ct) ?? Page(), prefix: "");

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var outcome = await ReadModule.Handle(ProgramId, Key, viewer, db, ct);
        if (!outcome.IsOk) return NotFound();
        Module = outcome.Value;
        return null;
    }
}
