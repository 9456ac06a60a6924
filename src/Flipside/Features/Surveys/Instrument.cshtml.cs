using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Surveys;

/// <summary>
/// A program's own wording of a survey: edit each question's text, remove questions, add one, and see it as each
/// role will. Keys and scoring of existing questions are kept, so the impact report still pairs them.
/// </summary>
[Authorize(Policy = Policies.ProgramStaff)]
public sealed class InstrumentModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    [BindProperty(SupportsGet = true)] public SurveyKind Kind { get; set; }
    public EditInstrument.View View { get; private set; } = null!;

    // Checked by EditInstrument, which names each field; MVC would add its own "required" messages.
    [BindProperty, ValidateNever] public List<SurveyQuestion> Questions { get; set; } = [];
    [BindProperty] public List<string> Remove { get; set; } = [];
    [BindProperty, ValidateNever] public SurveyQuestion Added { get; set; } = new();
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await Load(ct)) return NotFound();
        Questions = [.. View.Questions];
        Version = View.Version;
        return Page();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var view = await EditInstrument.Load(ProgramId, Kind, viewer, db, ct);
        if (!view.IsOk) return false;
        View = view.Value;
        return true;
    }

    private async Task<IActionResult> Again(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await Load(ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var kept = Questions.Where(q => !Remove.Contains(q.Key)).ToList();
        if (!string.IsNullOrWhiteSpace(Added.Text) || !string.IsNullOrWhiteSpace(Added.Key)) kept.Add(Added);
        return this.ApplyAndRedirect(EditInstrument.Save(new(ProgramId, Kind, kept, Version), viewer, db, clock, ct), "Saved. Surveys opened from now on ask these questions.",
            () => RedirectToPage(new { ProgramId, Kind }), () => Again(ct), prefix: "");
    }

    public Task<IActionResult> OnPostResetAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(EditInstrument.Reset(ProgramId, Kind, viewer, db, clock, ct), "Back to Flipside's built-in questions.",
            () => RedirectToPage(new { ProgramId, Kind }), () => Again(ct));
}
