using Flipside.Data;
using Flipside.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Programs;

/// <summary>A program's overview: what it is for, how it runs, its cohorts (moved along here) and its managers.</summary>
public sealed class ProgramModel(FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ProgramQueries.ProgramDetails Program { get; private set; } = null!;
    [BindProperty] public string? ManagerEmail { get; set; }

    private ProgramViewer Viewer => ProgramViewer.Of(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Show(ct);

    public Task<IActionResult> OnPostMoveAsync(Guid cohortId, string? status, CancellationToken ct) =>
        MoveCohort.TryParse(status, out var next)
            ? Change(() => MoveCohort.Handle(new(Id, cohortId, next), Viewer, db, ct), $"Cohort moved to {next.ToString().ToLowerInvariant()}.", ct)
            : Refuse("Choose the status to move the cohort to.", ct);

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) =>
        Change(() => ArchiveProgram.Handle(new(Id, true), Viewer, db, clock, ct), "Program archived. You can restore it at any time.", ct);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) =>
        Change(() => ArchiveProgram.Handle(new(Id, false), Viewer, db, clock, ct), "Program restored.", ct);

    public async Task<IActionResult> OnPostAddManagerAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Administrator)) return Forbid();
        var result = await AddProgramManager.Handle(Id, ManagerEmail ?? "", db, ct);
        if (!result.Found) return NotFound();
        if (result.Errors.Count == 0)
        {
            TempData["Status"] = $"{ManagerEmail!.Trim()} now manages this program.";
            return RedirectToPage(new { Id });
        }
        foreach (var e in result.Errors) ModelState.AddModelError(nameof(ManagerEmail), e.Message);
        return await Show(ct);
    }

    public Task<IActionResult> OnPostRemoveManagerAsync(string userId, CancellationToken ct) =>
        User.IsInRole(Roles.Administrator)
            ? Change(() => RemoveProgramManager.Handle(Id, userId, db, ct), "Manager removed from this program.", ct)
            : Task.FromResult<IActionResult>(Forbid());

    /// <summary>Runs a change; a refused one (a <see cref="DomainException"/>) is shown on the page with its reason.</summary>
    private async Task<IActionResult> Change(Func<Task<bool>> change, string done, CancellationToken ct)
    {
        try
        {
            if (!await change()) return NotFound();
            TempData["Status"] = done;
            return RedirectToPage(new { Id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return await Show(ct);
        }
    }

    private async Task<IActionResult> Refuse(string message, CancellationToken ct)
    {
        ModelState.AddModelError("", message);
        return await Show(ct);
    }

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        if (await ProgramQueries.Get(Id, Viewer, db, ct) is not { } program) return NotFound();
        Program = program;
        return Page();
    }
}
