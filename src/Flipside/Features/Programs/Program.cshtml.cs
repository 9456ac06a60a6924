using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Programs;

/// <summary>A program's overview: what it is for, how it runs, its cohorts (moved along here), managers and sponsors.</summary>
public sealed class ProgramModel(FlipsideDb db, Viewer viewer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ProgramQueries.ProgramDetails Program { get; private set; } = null!;
    public Viewer Viewer => viewer;
    [BindProperty] public string? ManagerEmail { get; set; }
    [BindProperty] public string? SponsorEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Show(ct);

    public Task<IActionResult> OnPostMoveAsync(Guid cohortId, string? status, CancellationToken ct) =>
        MoveCohort.TryParse(status, out var next)
            ? Change(MoveCohort.Handle(new(Id, cohortId, next), viewer, db, clock, ct), $"Cohort moved to {next.ToString().ToLowerInvariant()}.", ct)
            : Change(Task.FromResult<Outcome<Done>>(Outcome.Invalid("", "Choose the status to move the cohort to.")), "", ct);

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) =>
        Change(ArchiveProgram.Handle(new(Id, true), viewer, db, clock, ct), "Program archived. You can restore it at any time.", ct);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) =>
        Change(ArchiveProgram.Handle(new(Id, false), viewer, db, clock, ct), "Program restored.", ct);

    public Task<IActionResult> OnPostAddManagerAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(AddProgramManager.Handle(Id, ManagerEmail ?? "", viewer, db, clock, ct), $"{ManagerEmail?.Trim()} now manages this program.",
            () => RedirectToPage(new { Id }), () => Show(ct), field: nameof(ManagerEmail));

    public Task<IActionResult> OnPostRemoveManagerAsync(string userId, CancellationToken ct) =>
        Change(RemoveProgramManager.Handle(Id, userId, viewer, db, clock, ct), "Manager removed from this program.", ct);

    public Task<IActionResult> OnPostAddSponsorAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(ProgramSponsors.Add(Id, SponsorEmail ?? "", viewer, db, clock, ct), $"{SponsorEmail?.Trim()} now sponsors this program.",
            () => RedirectToPage(new { Id }), () => Show(ct), field: nameof(SponsorEmail));

    public Task<IActionResult> OnPostRemoveSponsorAsync(string userId, CancellationToken ct) =>
        Change(ProgramSponsors.Remove(Id, userId, viewer, db, clock, ct), "Sponsor removed from this program.", ct);

    private Task<IActionResult> Change(Task<Outcome<Done>> change, string done, CancellationToken ct) =>
        this.ApplyAndRedirect(change, done, () => RedirectToPage(new { Id }), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        if (await ProgramQueries.Get(Id, viewer, db, ct) is not { } program) return NotFound();
        Program = program;
        return Page();
    }
}
