using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Programs;

/// <summary>Creates a cohort (a wave) of a program, or changes one; its status moves on the program's page.</summary>
public sealed class CohortModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public CohortInput Input { get; set; } = new();
    /// <summary>The cohort's version when the form was opened, so a save cannot undo a change made meanwhile.</summary>
    [BindProperty] public int? Version { get; set; }
    public string ProgramName { get; private set; } = "";
    public CohortStatus? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await Load(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            FormNumbers.Explain(ModelState);
            return await ShowAgain(ct);
        }
        return await this.ApplyAndRedirect(SaveCohort.Handle(new(ProgramId, Id, Input, Version), viewer, db, clock, ct), $"Cohort \"{Input.Name}\" is saved.",
            () => RedirectToPage("Program", new { id = ProgramId }), () => ShowAgain(ct));
    }

    private async Task<IActionResult> ShowAgain(CancellationToken ct)
    {
        var (posted, version) = (Input, Version);
        if (!await Load(ct)) return NotFound();
        (Input, Version) = (posted, version);
        return Page();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        if (await ProgramQueries.Get(ProgramId, viewer, db, ct) is not { } program) return false;
        ProgramName = program.Program.Name;
        if (Id is { } id)
        {
            if (await ProgramQueries.Cohort(ProgramId, id, viewer, ct) is not { } cohort) return false;
            Input = CohortInput.From(cohort);
            Version = cohort.Version;
            Status = cohort.Status;
        }
        return true;
    }
}
