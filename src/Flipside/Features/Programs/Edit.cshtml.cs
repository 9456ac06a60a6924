using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Programs;

/// <summary>
/// The whole program form. Objectives and measures are repeating groups; "add" and "remove" buttons post the
/// form back to a handler that changes the rows and shows the form again, so it works without JavaScript.
/// </summary>
public sealed class EditModel(FlipsideDb db, Viewer viewer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public ProgramInput Input { get; set; } = new();
    /// <summary>Focus areas outside the standard list, comma-separated.</summary>
    [BindProperty] public string? OtherFocusAreas { get; set; }
    /// <summary>The program's version when the form was opened, so a save cannot undo a change made meanwhile.</summary>
    [BindProperty] public int? Version { get; set; }
    public string? TemplateName { get; private set; }
    /// <summary>A template key in the link that no template has: said so, rather than opening a blank form without a word.</summary>
    public string? UnknownTemplate { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? template, CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await ProgramQueries.Get(id, viewer, db, ct) is not { } details) return NotFound();
            if (details.Status == ProgramStatus.Archived) return RedirectToPage("Program", new { id });
            Input = details.Program;
            Version = details.Version;
        }
        else if (ProgramTemplates.Find(template) is { } t)
        {
            Input = t.Build();
            TemplateName = t.Name;
        }
        else
        {
            UnknownTemplate = string.IsNullOrWhiteSpace(template) ? null : template;
            Input = new ProgramInput { Objectives = [new() { Measures = [new()] }] };
        }
        OtherFocusAreas = string.Join(", ", Input.FocusAreas.Where(f => !FocusAreas.Standard.Contains(f)));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            FormNumbers.Explain(ModelState);
            return Page();
        }
        Input.FocusAreas = [.. Input.FocusAreas, .. (OtherFocusAreas ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        var saved = Id is { } id
            ? Saved(UpdateProgram.Handle(id, Input, Version, viewer, db, clock, ct), id)
            : CreateProgram.Handle(Input, viewer, db, clock, ct);
        return await this.Apply(saved, id =>
        {
            TempData["Status"] = $"\"{Input.Name}\" is saved.";
            return RedirectToPage("Program", new { id });
        }, ShowAgain);
    }

    private async Task<Outcome<Guid>> Saved(Task<Outcome<Done>> update, Guid id)
    {
        var outcome = await update;
        return outcome.IsOk ? id : outcome.Problem!;
    }

    private Task<IActionResult> ShowAgain()
    {
        OtherFocusAreas = string.Join(", ", Input.FocusAreas.Where(f => !FocusAreas.Standard.Contains(f)));
        Input.FocusAreas = [.. Input.FocusAreas.Where(FocusAreas.Standard.Contains)];
        return Task.FromResult<IActionResult>(Page());
    }

    public IActionResult OnPostAddObjective() => Rows(() => Input.Objectives.Add(new() { Measures = [new()] }));

    public IActionResult OnPostRemoveObjective(int objective) => Rows(() =>
    {
        if (objective >= 0 && objective < Input.Objectives.Count) Input.Objectives.RemoveAt(objective);
    });

    public IActionResult OnPostAddMeasure(int objective) => Rows(() =>
    {
        if (objective >= 0 && objective < Input.Objectives.Count) Input.Objectives[objective].Measures.Add(new());
    });

    public IActionResult OnPostRemoveMeasure(int objective, int measure) => Rows(() =>
    {
        if (objective >= 0 && objective < Input.Objectives.Count && measure >= 0 && measure < Input.Objectives[objective].Measures.Count)
            Input.Objectives[objective].Measures.RemoveAt(measure);
    });

    /// <summary>Shows the form again with the rows changed; nothing is saved until the person presses Save.</summary>
    private IActionResult Rows(Action change)
    {
        change();
        // The inputs must render from the changed rows, not from the posted values that held the old positions.
        ModelState.Clear();
        return Page();
    }
}
